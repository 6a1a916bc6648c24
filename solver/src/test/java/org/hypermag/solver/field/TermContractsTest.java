package org.hypermag.solver.field;

import org.junit.jupiter.api.Nested;

/** Runs the field-term contract for every term. */
class TermContractsTest {
    @Nested
    class ExchangeOnGrid extends TermContracts.ExchangeOnGrid {
    }

    @Nested
    class ExchangeOnPrisms extends TermContracts.ExchangeOnPrisms {
    }

    @Nested
    class InterfacialDmiOnGrid extends TermContracts.InterfacialDmiOnGrid {
    }

    @Nested
    class InterfacialDmiOnPrisms extends TermContracts.InterfacialDmiOnPrisms {
    }

    @Nested
    class BulkDmiOnGrid extends TermContracts.BulkDmiOnGrid {
    }

    @Nested
    class BulkDmiOnPrisms extends TermContracts.BulkDmiOnPrisms {
    }

    @Nested
    class InterlayerOnGrid extends TermContracts.InterlayerOnGrid {
    }

    @Nested
    class InterlayerOnPrisms extends TermContracts.InterlayerOnPrisms {
    }

    @Nested
    class UniaxialAnisotropy extends TermContracts.Uniaxial {
    }

    @Nested
    class SecondOrderUniaxialAnisotropy extends TermContracts.SecondOrder {
    }

    @Nested
    class CubicAnisotropy extends TermContracts.Cubic {
    }

    @Nested
    class Zeeman extends TermContracts.Zeeman {
    }

    @Nested
    class DemagOnGrid extends TermContracts.DemagOnGrid {
    }

    @Nested
    class DemagOnIrregularEqualPrisms extends TermContracts.DemagOnIrregularEqualPrisms {
    }

    @Nested
    class DemagOnPrismsOfDifferentSizes extends TermContracts.DemagOnPrismsOfDifferentSizes {
    }
}
