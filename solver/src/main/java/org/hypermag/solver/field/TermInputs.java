package org.hypermag.solver.field;

import org.hypermag.solver.demag.DemagField;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.parallel.WorkerPool;

/**
 * What a term's factory can build from.
 *
 * @param magnet the system (domains, regions, materials)
 * @param demag the demagnetising-field method for its domains, or null for none
 * @param drive what the current stage applies (field protocol); shared by every term and changed between stages
 * @param pool the threads large local terms may split their loops over, or null for the calling thread alone
 */
public record TermInputs(Magnet magnet, DemagField demag, StageDrive drive, WorkerPool pool) {
    /**
     * Inputs whose terms run on the calling thread alone.
     *
     * @param magnet the system
     * @param demag the demag method, or null
     * @param drive the stage drive
     */
    public TermInputs(Magnet magnet, DemagField demag, StageDrive drive) {
        this(magnet, demag, drive, null);
    }
}
