package io.readstate.bench.report;

import io.readstate.bench.load.Latency;
import io.readstate.bench.run.ModeBench;
import io.readstate.bench.run.Results;
import io.readstate.bench.run.SweepPoint;
import io.readstate.bench.run.SystemFigures;
import io.readstate.bench.run.TransportFigures;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntUnaryOperator;
import java.util.function.ToDoubleFunction;

/** The two charts of a run, drawn with java.awt and written as PNG. */
final class Charts {

    private static final int[] SIZE_TICKS = {2, 10, 100, 1_000, 10_000};

    private Charts() {
    }

    /**
     * Messages/s against members per channel (both logarithmic): per system a solid line
     * for p99 under 100 ms and a dashed one for p99 under 10 ms.
     */
    static void throughputBySize(Results results, Path file) throws IOException {
        List<String> systems = results.sweep().stream().map(SweepPoint::system).distinct().toList();
        double top = results.sweep().stream().mapToDouble(SweepPoint::capacity).max().orElse(10);
        double bottom = results.sweep().stream().flatMapToDouble(p -> java.util.stream.DoubleStream.of(
                p.messagesPerSecond(), p.capacity())).filter(v -> v > 0).min().orElse(1);
        Plot plot = new Plot(820, 540, 100, Math.min(bottom, top) / 2, Math.max(top, 10) * 1.5);
        plot.title("Sustained messages/s against channel size", "messages per second (log)");
        plot.yAxis();
        int x0 = Plot.LEFT + 40;
        int x1 = plot.width - Plot.RIGHT - 60;
        IntUnaryOperator x = size -> (int) Math.round(x0 + (Math.log10(size) - Math.log10(2))
                / (Math.log10(10_000) - Math.log10(2)) * (x1 - x0));
        plot.g.setColor(Color.DARK_GRAY);
        for (int size : SIZE_TICKS) {
            String label = String.format(Locale.ROOT, "%,d", size);
            plot.g.drawString(label, x.applyAsInt(size) - plot.g.getFontMetrics().stringWidth(label) / 2,
                    plot.height - Plot.BOTTOM + 18);
        }
        plot.g.drawString("members per channel (log)", plot.width / 2 - 70, plot.height - Plot.BOTTOM + 40);
        List<String> legend = new ArrayList<>();
        for (int s = 0; s < systems.size(); s++) {
            String system = systems.get(s);
            List<SweepPoint> points = results.sweep().stream().filter(p -> p.system().equals(system)).toList();
            plot.g.setColor(Plot.SERIES[s % Plot.SERIES.length]);
            line(plot, x, points, SweepPoint::capacity, false, s);
            line(plot, x, points, SweepPoint::messagesPerSecond, true, s);
            legend.add(sweepName(system));
        }
        plot.legendAt(Plot.LEFT, 32, legend);
        plot.g.setColor(Color.DARK_GRAY);
        plot.g.drawString("solid: p99 < 100 ms, dashed: p99 < 10 ms, hollow marker: not held at any rate tried",
                Plot.LEFT, 32 + 21 + legend.size() * 18);
        plot.save(file);
    }

    private static void line(Plot plot, IntUnaryOperator x, List<SweepPoint> points, ToDoubleFunction<SweepPoint> rate,
                             boolean dashed, int series) {
        plot.g.setStroke(dashed ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {7f, 5f}, 0f) : new BasicStroke(2.5f));
        for (int i = 1; i < points.size(); i++) {
            plot.g.drawLine(x.applyAsInt(points.get(i - 1).channelSize()), plot.y(rate.applyAsDouble(points.get(i - 1))),
                    x.applyAsInt(points.get(i).channelSize()), plot.y(rate.applyAsDouble(points.get(i))));
        }
        plot.stroke(1.5f);
        for (SweepPoint point : points) {
            double value = rate.applyAsDouble(point);
            int px = x.applyAsInt(point.channelSize());
            int py = plot.y(value);
            if (value > 0) {
                plot.g.fillOval(px - 4, py - 4, 9, 9);
                String label = Cells.number(value);
                int width = plot.g.getFontMetrics().stringWidth(label);
                plot.g.drawString(label, series == 0 ? px + 7 : px - width - 7, py + (dashed ? 15 : -7));
            } else {
                plot.g.drawOval(px - 5, py - 5, 10, 10);
            }
        }
    }

    private static String sweepName(String system) {
        return system.equals("write-behind") ? "write-behind (Readstate), HTTP /v1/events x" + ModeBench.BATCH
                : system + " (seed, literal), in-process";
    }

    /** p50, p99 and p99.9 at half the sustained rate, one group of bars per system and way of driving it. */
    static void latencyBySystem(Results results, Path file) throws IOException {
        List<String> names = new ArrayList<>();
        List<Latency> latencies = new ArrayList<>();
        for (SystemFigures system : results.systems()) {
            add(names, latencies, shortName(system) + (system.system().equals("per-member") ? ", 1 call per event"
                    : ", 1 request per event"), system.single());
            system.batch().ifPresent(batch -> add(names, latencies, shortName(system) + ", /v1/events", batch));
        }
        double top = latencies.stream().mapToDouble(Latency::p999).filter(v -> !Double.isNaN(v)).max().orElse(10);
        double bottom = latencies.stream().mapToDouble(Latency::p50).filter(v -> v > 0).min().orElse(0.1);
        Plot plot = new Plot(Math.max(820, 120 * names.size() + 120), 500, bottom / 2, top * 1.5);
        plot.title("Latency at half the sustained rate, from the intended send time", "milliseconds (log)");
        plot.yAxis();
        int group = (plot.width - Plot.LEFT - Plot.RIGHT) / names.size();
        int bar = Math.min(26, group / 4);
        for (int i = 0; i < names.size(); i++) {
            Latency latency = latencies.get(i);
            double[] values = {latency.p50(), latency.p99(), latency.p999()};
            int left = Plot.LEFT + i * group + (group - 3 * bar) / 2;
            for (int k = 0; k < values.length; k++) {
                plot.g.setColor(Plot.SERIES[k]);
                int y = plot.y(values[k]);
                plot.g.fillRect(left + k * bar, y, bar - 3, plot.height - Plot.BOTTOM - y);
            }
            plot.g.setColor(Color.BLACK);
            String[] lines = names.get(i).split(", ");
            for (int l = 0; l < lines.length; l++) {
                plot.g.drawString(lines[l], Plot.LEFT + i * group + (group - plot.g.getFontMetrics().stringWidth(lines[l])) / 2,
                        plot.height - Plot.BOTTOM + 18 + 15 * l);
            }
        }
        plot.legend(List.of("p50", "p99", "p99.9"));
        plot.save(file);
    }

    private static void add(List<String> names, List<Latency> latencies, String name, TransportFigures figures) {
        names.add(name);
        latencies.add(figures.halfRate().latency());
    }

    private static String shortName(SystemFigures system) {
        return switch (system.system()) {
            case "write-through" -> "A write-through";
            case "cache-only" -> "B cache-only";
            case "write-behind" -> "C write-behind";
            case "per-member" -> "per-member counters";
            default -> system.system();
        };
    }
}
