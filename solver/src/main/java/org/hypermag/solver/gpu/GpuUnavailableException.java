package org.hypermag.solver.gpu;

/**
 * Thrown when {@code --gpu on} (or {@code gpu: on}) asks for an OpenCL GPU and there is none: the message names the
 * OpenCL devices that were found and what to do.
 */
public final class GpuUnavailableException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** @param message what was found and what to do */
    public GpuUnavailableException(String message) {
        super(message);
    }
}
