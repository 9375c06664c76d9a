package org.relaymq.console.fx;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Clicks and reads that touch the scene graph only on the FX thread. TestFX's {@code clickOn} looks a
 * node up and computes its bounds on the calling thread (TestFX issue #813); when the scene changes at
 * the same time (live events) that fails with an IndexOutOfBoundsException from a children list, or
 * disturbs layout. Here the lookup and the screen point are computed on the FX thread and only the
 * mouse is driven from the test thread.
 */
public final class FxActions {

    private static final long TIMEOUT_SECONDS = 10;

    private FxActions() {
    }

    /** Runs {@code read} on the FX thread and returns its result. */
    public static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the UI", e);
        } catch (Exception e) {
            throw new IllegalStateException("reading the UI on the FX thread failed: " + e.getMessage(), e);
        }
    }

    /** Clicks the first visible node matching {@code query} (an id like {@code #startButton} or a text). */
    public static void click(FxRobot robot, String query) {
        Point2D point = onFx(() -> {
            Node node = robot.lookup(query).match(Node::isVisible).query();
            if (node == null) {
                throw new IllegalStateException("no visible node matches " + query);
            }
            return robot.point(node).query();
        });
        robot.clickOn(point);
    }

    /** Clicks the centre of {@code node}. */
    public static void click(FxRobot robot, Node node) {
        robot.clickOn(onFx(() -> robot.point(node).query()));
    }
}
