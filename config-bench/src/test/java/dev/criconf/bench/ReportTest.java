package dev.criconf.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void slopeOfALinearCostIsOneAndOfAQuadraticTwo() {
        assertEquals(1.0, Report.slope(List.of(new double[] {1e3, 2}, new double[] {1e4, 20}, new double[] {1e6, 2000})), 1e-9);
        assertEquals(2.0, Report.slope(List.of(new double[] {10, 100}, new double[] {100, 10_000}, new double[] {1000, 1e6})), 1e-9);
    }

    @Test
    void numbersAreShownWithSensiblePrecision() {
        assertEquals("1,234", Report.fmt(1234.4));
        assertEquals("12.3", Report.fmt(12.34));
        assertEquals("0.12", Report.fmt(0.1234));
        assertEquals("-", Report.fmt(Double.NaN));
    }
}
