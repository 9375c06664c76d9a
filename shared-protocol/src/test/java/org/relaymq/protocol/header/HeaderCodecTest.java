package org.relaymq.protocol.header;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.relaymq.protocol.ProtocolException;
import org.relaymq.protocol.code.ResponseCode;

/** Every header codec: round trip, required keys, number parsing, tolerance of extra keys. */
class HeaderCodecTest {

    static List<HeaderCases.Case> cases() {
        return HeaderCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decodingTheEncodedExtGivesTheSameRecord(HeaderCases.Case c) {
        assertThat(c.decode(c.ext())).isEqualTo(c.sample());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void encodedExtHoldsOnlyNonNullStrings(HeaderCases.Case c) {
        assertThat(c.ext()).doesNotContainValue(null).doesNotContainKey(null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void unknownExtraKeysAreIgnored(HeaderCases.Case c) {
        Map<String, String> ext = new HashMap<>(c.ext());
        ext.put("AccessKey", "rocketmq2");
        ext.put("__ZONE_NAME", "zone-a");
        ext.put("lo", "true");
        assertThat(c.decode(ext)).isEqualTo(c.sample());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachRequiredKeyIsWrittenAndItsAbsenceIsASystemErrorNamingIt(HeaderCases.Case c) {
        assertThat(c.ext().keySet()).containsAll(c.requiredKeys());
        for (String key : c.requiredKeys()) {
            Map<String, String> ext = new HashMap<>(c.ext());
            ext.remove(key);
            assertThatThrownBy(() -> c.decode(ext))
                    .as("without %s", key)
                    .isInstanceOfSatisfying(ProtocolException.class,
                            e -> assertThat(e.responseCode()).isEqualTo(ResponseCode.SYSTEM_ERROR))
                    .hasMessage("missing header field '" + key + "'");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void optionalKeysMayBeAbsent(HeaderCases.Case c) {
        for (String key : c.ext().keySet()) {
            if (c.requiredKeys().contains(key)) {
                continue;
            }
            Map<String, String> ext = new HashMap<>(c.ext());
            ext.remove(key);
            assertThat(c.decode(ext)).as("without %s", key).isNotNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void anUnparseableNumberIsASystemErrorNamingTheField(HeaderCases.Case c) {
        numericKeys(c).forEach(key -> {
            Map<String, String> ext = new HashMap<>(c.ext());
            ext.put(key, "x");
            assertThatThrownBy(() -> c.decode(ext))
                    .as("%s = x", key)
                    .isInstanceOfSatisfying(ProtocolException.class,
                            e -> assertThat(e.responseCode()).isEqualTo(ResponseCode.SYSTEM_ERROR))
                    .hasMessageMatching("header field '" + key + "' is not an? (integer|long): 'x'");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void requiredStringComponentsAreValidatedByTheConstructorToo(HeaderCases.Case c) throws Exception {
        var components = c.sample().getClass().getRecordComponents();
        var constructor = c.sample().getClass().getDeclaredConstructor(
                Stream.of(components).map(java.lang.reflect.RecordComponent::getType).toArray(Class<?>[]::new));
        for (int i = 0; i < components.length; i++) {
            if (components[i].getType() != String.class || !isRequiredComponent(c, components[i].getName())) {
                continue;
            }
            Object[] args = new Object[components.length];
            for (int j = 0; j < components.length; j++) {
                args[j] = components[j].getAccessor().invoke(c.sample());
            }
            args[i] = null;
            assertThatThrownBy(() -> construct(constructor, args))
                    .isInstanceOf(ProtocolException.class)
                    .hasMessage("missing header field '" + components[i].getName() + "'");
        }
    }

    private static boolean isRequiredComponent(HeaderCases.Case c, String component) {
        return c.requiredKeys().contains(component);
    }

    private static Object construct(java.lang.reflect.Constructor<?> constructor, Object[] args) throws Throwable {
        try {
            return constructor.newInstance(args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Stream<String> numericKeys(HeaderCases.Case c) {
        return c.ext().entrySet().stream()
                .filter(e -> e.getValue().matches("-?\\d+"))
                .map(Map.Entry::getKey);
    }
}
