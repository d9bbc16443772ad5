package io.opsdesk.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.springframework.stereotype.Component;

import io.opsdesk.report.OperationsReport.TargetHealth;

/** Draws a report's charts with JFreeChart as PNG images, the same for the page and the mail. */
@Component
public class ReportCharts {

    static final int WIDTH = 800;
    static final int HEIGHT = 400;
    static final int MAX_BARS = 10;
    private static final int MAX_LABEL = 48;
    private static final Color BLUE = new Color(0x2f6fb0);
    private static final Color GREEN = new Color(0x3c9a5f);
    private static final Color AMBER = new Color(0xe0a030);
    private static final Color RED = new Color(0xc8453c);

    public byte[] png(OperationsReport report, ReportChart chart) {
        JFreeChart drawn = switch (chart) {
            case OPENED_VS_CLOSED -> openedVsClosed(report);
            case VOLUME_BY_TYPE -> bars(chart, "tickets", single("opened", report.volumes().byType()), PlotOrientation.VERTICAL);
            case BACKLOG_AGE -> backlog(report);
            case SLA_COMPLIANCE -> sla(report);
            case HOT_SPOTS -> hotSpots(report);
            case TARGET_HEALTH -> health(report);
            case STEP_TIMES -> steps(report);
        };
        drawn.setBackgroundPaint(Color.WHITE);
        drawn.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, drawn, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException("could not draw the chart " + chart.fileName(), e);
        }
        return out.toByteArray();
    }

    private static DefaultCategoryDataset single(String series, java.util.Map<String, Long> values) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        values.entrySet().stream().limit(MAX_BARS).forEach(e -> data.addValue(e.getValue(), series, e.getKey()));
        return data;
    }

    private static JFreeChart openedVsClosed(OperationsReport report) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (OperationsReport.DayCount day : report.openedVsClosed()) {
            String label = day.day().toString().substring(5);
            data.addValue(day.opened(), "opened", label);
            data.addValue(day.closed(), "closed", label);
        }
        JFreeChart chart = ChartFactory.createLineChart(ReportChart.OPENED_VS_CLOSED.title(), null, "tickets", data,
                PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = style(chart);
        LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
        renderer.setDefaultShapesVisible(true);
        renderer.setSeriesPaint(0, BLUE);
        renderer.setSeriesPaint(1, GREEN);
        renderer.setSeriesStroke(0, new BasicStroke(2.5f));
        renderer.setSeriesStroke(1, new BasicStroke(2.5f));
        if (report.openedVsClosed().size() > 14) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_90);
        }
        return chart;
    }

    private static JFreeChart backlog(OperationsReport report) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        report.backlog().byAge().forEach(b -> data.addValue(b.count(), "open tickets", b.label()));
        return bars(ReportChart.BACKLOG_AGE, "tickets", data, PlotOrientation.VERTICAL);
    }

    private static JFreeChart sla(OperationsReport report) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (OperationsReport.SlaCompliance row : report.slaCompliance()) {
            data.addValue(row.firstResponsePercent(), "first response", row.priority());
            data.addValue(row.resolutionPercent(), "resolution", row.priority());
        }
        JFreeChart chart = bars(ReportChart.SLA_COMPLIANCE, "% met", data, PlotOrientation.VERTICAL);
        ((NumberAxis) chart.getCategoryPlot().getRangeAxis()).setRange(0, 100);
        return chart;
    }

    private static JFreeChart hotSpots(OperationsReport report) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        report.hotSpots().stream().limit(MAX_BARS).forEach(h -> data.addValue(h.occurrences(), "occurrences",
                label((h.ticketKey() == null ? "" : h.ticketKey() + " ") + h.title())));
        return bars(ReportChart.HOT_SPOTS, "occurrences", data, PlotOrientation.HORIZONTAL);
    }

    private static JFreeChart health(OperationsReport report) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (TargetHealth target : report.health()) {
            data.addValue(target.ok(), "OK", label(target.target()));
            data.addValue(target.warning(), "WARNING", label(target.target()));
            data.addValue(target.failed(), "FAILED", label(target.target()));
        }
        JFreeChart chart = ChartFactory.createStackedBarChart(ReportChart.TARGET_HEALTH.title(), null, "checks", data,
                PlotOrientation.HORIZONTAL, true, false, false);
        CategoryPlot plot = style(chart);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, GREEN);
        renderer.setSeriesPaint(1, AMBER);
        renderer.setSeriesPaint(2, RED);
        return chart;
    }

    private static JFreeChart steps(OperationsReport report) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        report.steps().stream().limit(MAX_BARS).forEach(s -> data.addValue(
                Math.round(s.medianSeconds() / 36.0) / 100.0, "median hours", label(s.process() + ": " + s.activityName())));
        JFreeChart chart = bars(ReportChart.STEP_TIMES, "hours", data, PlotOrientation.HORIZONTAL);
        // steps may take minutes: fractions of an hour need ticks of their own
        ((NumberAxis) chart.getCategoryPlot().getRangeAxis()).setStandardTickUnits(NumberAxis.createStandardTickUnits());
        return chart;
    }

    private static JFreeChart bars(ReportChart which, String axis, DefaultCategoryDataset data, PlotOrientation orientation) {
        JFreeChart chart = ChartFactory.createBarChart(which.title(), null, axis, data, orientation,
                data.getRowCount() > 1, false, false);
        CategoryPlot plot = style(chart);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, BLUE);
        renderer.setSeriesPaint(1, GREEN);
        renderer.setMaximumBarWidth(0.12);
        return chart;
    }

    private static CategoryPlot style(JFreeChart chart) {
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setOutlineVisible(false);
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CategoryAxis domain = plot.getDomainAxis();
        domain.setMaximumCategoryLabelLines(2);
        plot.setNoDataMessage("no data in this period");
        return plot;
    }

    private static String label(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_LABEL ? line : line.substring(0, MAX_LABEL - 1) + "…";
    }

    static List<ReportChart> all() {
        return List.of(ReportChart.values());
    }
}
