package io.readstate.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** A small headless chart canvas: a plot area, a logarithmic y axis, a title and a legend. */
final class Plot {

    static final Color[] SERIES = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd)};
    static final int LEFT = 80;
    static final int TOP = 50;
    static final int BOTTOM = 70;
    static final int RIGHT = 30;

    final BufferedImage image;
    final Graphics2D g;
    final int width;
    final int height;
    final int top;
    final double yMin;
    final double yMax;

    Plot(int width, int height, double yMin, double yMax) {
        this(width, height, TOP, yMin, yMax);
    }

    /** {@code top}: the room above the plot area, for the title and a legend placed there. */
    Plot(int width, int height, int top, double yMin, double yMax) {
        System.setProperty("java.awt.headless", "true");
        this.width = width;
        this.height = height;
        this.top = top;
        this.yMin = Math.pow(10, Math.floor(Math.log10(yMin)));
        this.yMax = Math.pow(10, Math.ceil(Math.log10(yMax)));
        this.image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        this.g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    }

    int y(double value) {
        double share = (Math.log10(Math.max(value, yMin)) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin));
        return (int) Math.round(height - BOTTOM - share * (height - top - BOTTOM));
    }

    void title(String title, String yLabel) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, LEFT, 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        Graphics2D turned = (Graphics2D) g.create();
        turned.rotate(-Math.PI / 2);
        turned.drawString(yLabel, -(height - BOTTOM + top) / 2 - yLabel.length() * 3, 18);
        turned.dispose();
    }

    /** Horizontal grid lines and labels at each power of ten. */
    void yAxis() {
        for (double v = yMin; v <= yMax * 1.001; v *= 10) {
            int y = y(v);
            g.setColor(new Color(0xdddddd));
            g.drawLine(LEFT, y, width - RIGHT, y);
            g.setColor(Color.DARK_GRAY);
            String label = v >= 1 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%s", v);
            g.drawString(label, LEFT - 8 - g.getFontMetrics().stringWidth(label), y + 4);
        }
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, top, width - LEFT - RIGHT, height - top - BOTTOM);
    }

    void legend(List<String> names) {
        legendAt(LEFT + 10, top, names);
    }

    /** Legend entries from {@code y} down, 18 pixels apart. */
    void legendAt(int x, int y, List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            g.setColor(SERIES[i % SERIES.length]);
            g.fillRect(x, y + 10 + i * 18, 12, 12);
            g.setColor(Color.BLACK);
            g.drawString(names.get(i), x + 18, y + 21 + i * 18);
        }
    }

    void stroke(float width) {
        g.setStroke(new BasicStroke(width));
    }

    void save(Path file) throws IOException {
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}
