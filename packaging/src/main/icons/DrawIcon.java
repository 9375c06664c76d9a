import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws the RelayMQ icon (three message lines relayed by an arrow) and writes relaymq.png (256 px,
 * Linux), relaymq.ico (Windows, PNG entries) and relaymq.icns (macOS, PNG entries).
 * Regenerate with: java DrawIcon.java   (from this folder; the outputs are committed)
 */
public class DrawIcon {

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        Files.write(dir.resolve("relaymq.png"), png(256));
        Files.write(dir.resolve("relaymq.ico"), ico(new int[] {16, 32, 48, 64, 128, 256}));
        Files.write(dir.resolve("relaymq.icns"), icns());
    }

    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 256.0, size / 256.0);
        g.setColor(new Color(0x1f5f8b));
        g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 56, 56));
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(16, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawLine(52, 84, 132, 84);
        g.drawLine(52, 128, 172, 128);
        g.drawLine(52, 172, 132, 172);
        Path2D arrow = new Path2D.Double();
        arrow.moveTo(148, 60);
        arrow.lineTo(212, 128);
        arrow.lineTo(148, 196);
        arrow.closePath();
        g.setColor(new Color(0xf5a623));
        g.fill(arrow);
        g.dispose();
        return img;
    }

    static byte[] png(int size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(draw(size), "png", out);
        return out.toByteArray();
    }

    /** ICO with PNG-compressed entries (Windows Vista and later). */
    static byte[] ico(int[] sizes) throws IOException {
        List<byte[]> images = new ArrayList<>();
        for (int s : sizes) {
            images.add(png(s));
        }
        int offset = 6 + 16 * sizes.length;
        ByteBuffer header = ByteBuffer.allocate(offset).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        for (int i = 0; i < sizes.length; i++) {
            int s = sizes[i];
            header.put((byte) (s >= 256 ? 0 : s)).put((byte) (s >= 256 ? 0 : s)).put((byte) 0).put((byte) 0);
            header.putShort((short) 1).putShort((short) 32);
            header.putInt(images.get(i).length).putInt(offset);
            offset += images.get(i).length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(header.array());
        for (byte[] b : images) {
            out.write(b);
        }
        return out.toByteArray();
    }

    /** ICNS with PNG entries: ic07 (128), ic08 (256), ic09 (512), ic10 (1024, 512@2x). */
    static byte[] icns() throws IOException {
        String[] types = {"ic07", "ic08", "ic09", "ic10"};
        int[] sizes = {128, 256, 512, 1024};
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(body);
        for (int i = 0; i < types.length; i++) {
            byte[] p = png(sizes[i]);
            d.writeBytes(types[i]);
            d.writeInt(p.length + 8);
            d.write(p);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream o = new DataOutputStream(out);
        o.writeBytes("icns");
        o.writeInt(body.size() + 8);
        o.write(body.toByteArray());
        return out.toByteArray();
    }
}
