package org.hypermag.solver.field;

import java.util.List;
import org.hypermag.solver.magnet.Parameter;

/**
 * What a kind of effective-field term declares about itself, once: its name, the energy column it adds to, its
 * material parameters and a factory. The simulation, the run table, the frames' energy densities, the run file's
 * material datasets, the scenario parser and the documentation's key table all iterate over the list of these in
 * {@code org.hypermag.solver.Physics}; adding a term is one class declaring a {@code TYPE} and its entry there.
 *
 * @param name the term's name (lower case, e.g. {@code exchange})
 * @param energyColumn the energy it adds to: the table column {@code E_<energyColumn>} (J) and the frames' energy
 *     density column of that name (J/m³); several terms may share one (uniaxial and cubic anisotropy); null for a
 *     term that is not the gradient of an energy (the thermal field)
 * @param doc one line describing the term, with its energy density
 * @param parameters the material parameters it reads (scenario keys, units, defaults, ranges)
 * @param factory builds the term for a system, or returns null when it would contribute nothing (all its constants
 *     zero, no demag method)
 */
public record FieldTermType(String name, String energyColumn, String doc, List<Parameter> parameters,
                            Factory factory) {

    /** Builds a term for a system. */
    @FunctionalInterface
    public interface Factory {
        /**
         * @param inputs the system, its demag method and the stage drive
         * @return the term, or null when it would contribute nothing
         */
        FieldTerm create(TermInputs inputs);
    }

    /** Copies the list. */
    public FieldTermType {
        parameters = List.copyOf(parameters);
    }
}
