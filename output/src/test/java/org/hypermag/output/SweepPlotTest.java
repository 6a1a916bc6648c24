package org.hypermag.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plot of a sweep's landmark against a parameter, and its refusals. */
class SweepPlotTest {
    @TempDir
    Path dir;

    private void summary() throws Exception {
        Files.writeString(dir.resolve(SweepPlot.CSV), String.join("\n",
                "variant,stages[0].hysteresis.temperature,geometry.granular_film.seed,status,attempts,wall_s,mx,my,mz,"
                        + "Hc_mT,Mr,t_zero_s,skyrmion_radius_m,message",
                "v0001,0,1,completed,1,1.0,0,0,1,890.0,0.99,,,",
                "v0002,0,2,completed,1,1.0,0,0,1,894.0,0.99,,,",
                "v0003,300,1,completed,1,1.0,0,0,1,760.0,0.97,,,",
                "v0004,300,2,failed,2,1.0,,,,,,,,\"RuntimeException: disk full, twice\"", ""));
    }

    @Test
    void aLandmarkAgainstAParameterIsDrawnWithOneSeriesPerRealisation() throws Exception {
        summary();
        Path png = SweepPlot.draw(dir, "temperature", "Hc");
        assertEquals(dir.resolve("plot-Hc_mT-vs-stages_0_hysteresis_temperature.png"), png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(900, img.getWidth());
        assertTrue(SweepPlot.isSweep(dir));
    }

    @Test
    void unknownOrAmbiguousColumnsAndNothingToPlotAreRefusedNamingTheColumns() throws Exception {
        summary();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SweepPlot.draw(dir, "field", "Hc"));
        assertTrue(e.getMessage().contains("--x field: no columns match") && e.getMessage().contains("Hc_mT"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SweepPlot.draw(dir, "temperature",
                "skyrmion_radius_m"));
        assertTrue(e.getMessage().contains("no completed variant has a value of skyrmion_radius_m"), e.getMessage());
    }

    @Test
    void quotedCellsAreSplitAsCsv() {
        assertArrayEquals(new String[] {"a", "b, \"c\"", ""}, SweepPlot.split("a,\"b, \"\"c\"\"\","));
    }
}
