package org.hypermag.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.hypermag.solver.Physics;
import org.junit.jupiter.api.Test;

/** docs/scenarios.md's material key table is the one the terms declare ({@link Physics#materialKeyTable()}). */
class MaterialKeysDocTest {
    @Test
    void docsScenariosListsEveryDeclaredMaterialParameter() throws IOException {
        DocsTables.check(Path.of("..", "docs", "scenarios.md"), "material-keys", Physics.materialKeyTable());
    }
}
