package org.hypermag.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import org.junit.jupiter.api.Test;

/** The snapshot colours of mumax3's scheme: hue from the in-plane angle, lightness from m_z. */
class FrameImageTest {
    @Test
    void inPlaneDirectionsAreHuesAndMzIsLightness() {
        assertEquals(new Color(255, 0, 0), FrameImage.wheel(1, 0, 0), "+x: red");
        assertEquals(new Color(128, 255, 0), FrameImage.wheel(0, 1, 0), "+y: hue 90 degrees, yellow-green");
        assertEquals(new Color(0, 255, 255), FrameImage.wheel(-1, 0, 0), "-x: cyan");
        assertEquals(new Color(128, 0, 255), FrameImage.wheel(0, -1, 0), "-y: hue 270 degrees, violet");
        assertEquals(Color.WHITE, FrameImage.wheel(0, 0, 1), "mz = +1: white");
        assertEquals(Color.BLACK, FrameImage.wheel(0, 0, -1), "mz = -1: black");
        assertEquals(new Color(255, 128, 128), FrameImage.wheel(Math.sqrt(0.75), 0, 0.5), "+x, mz = 0.5: light red");
    }
}
