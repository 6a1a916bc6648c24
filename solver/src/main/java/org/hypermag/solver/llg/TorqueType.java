package org.hypermag.solver.llg;

import java.util.List;
import org.hypermag.solver.field.TermInputs;
import org.hypermag.solver.magnet.Parameter;

/**
 * What a kind of torque declares about itself, once: its name, its material parameters and a factory. The list of
 * these is {@code org.hypermag.solver.Physics#TORQUES}; the LLG equation builds every one whose factory returns a
 * torque.
 *
 * @param name the torque's name (lower case)
 * @param doc one line describing it, with its formula
 * @param parameters the material parameters it reads
 * @param factory builds the torque for a system, or returns null when it would contribute nothing
 */
public record TorqueType(String name, String doc, List<Parameter> parameters, Factory factory) {

    /** Builds a torque for a system. */
    @FunctionalInterface
    public interface Factory {
        /**
         * @param inputs the system and the stage drive
         * @return the torque, or null when it would contribute nothing
         */
        Torque create(TermInputs inputs);
    }

    /** Copies the list. */
    public TorqueType {
        parameters = List.copyOf(parameters);
    }
}
