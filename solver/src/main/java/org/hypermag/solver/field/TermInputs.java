package org.hypermag.solver.field;

import org.hypermag.solver.demag.DemagField;
import org.hypermag.solver.magnet.Magnet;

/**
 * What a term's factory can build from.
 *
 * @param magnet the system (domains, regions, materials)
 * @param demag the demagnetising-field method for its domains, or null for none
 * @param drive what the current stage applies (field protocol); shared by every term and changed between stages
 */
public record TermInputs(Magnet magnet, DemagField demag, StageDrive drive) {
}
