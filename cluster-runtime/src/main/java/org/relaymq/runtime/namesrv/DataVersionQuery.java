package org.relaymq.runtime.namesrv;

import org.relaymq.protocol.body.DataVersion;

/** QUERY_DATA_VERSION answer: {@code changed} header and the stored version (null if none) as body. */
public record DataVersionQuery(boolean changed, DataVersion stored) {
}
