package org.tastemap.core.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tastemap.core.tune.StopRule.Verdict;

/** Early stopping on hand-made curves of validation values; each expected verdict is worked out in its comment. */
class StopRuleTest {
    static final StopRule RULE = new StopRule(3, 1, 15);
    static final double NONE = Double.NEGATIVE_INFINITY;

    /** The first iteration (1-based) at which {@code rule} stops on {@code v}, with its verdict; 0 and CONTINUE when it never does. */
    static String firstStop(StopRule rule, double[] v, double best) {
        for (int t = 1; t <= v.length; t++) {
            Verdict d = rule.after(v, t, best);
            if (d != Verdict.CONTINUE) {
                return t + " " + d;
            }
        }
        return "0 CONTINUE";
    }

    @Test
    void aWarmStartIsJudgedOnceItsDriftStopsNotAtItsNeighboursValue() {
        // starts at its neighbour's 0.20 and drifts down to its own 0.15; nothing better seen yet:
        // changes 10%, 8.3%, 4.2%, 0.3% (<= 0.5%) -> settled at iteration 5, value 0.1575
        double[] v = {0.20, 0.18, 0.165, 0.158, 0.1575, 0.1574};
        assertEquals("5 SETTLED", firstStop(RULE, v, NONE));
    }

    @Test
    void aFallingCandidateBelowTheBestStopsAtTheMinimumIterations() {
        // the same curve when 0.20 is already the best: at iteration 3 it is below 0.20 and falling
        double[] v = {0.20, 0.18, 0.165, 0.158, 0.1575};
        assertEquals("3 HOPELESS", firstStop(RULE, v, 0.20));
    }

    @Test
    void aRisingCandidateRunsUntilItSettlesEvenPastTheBest() {
        // a cold start overtaking the best 0.10: gains 0.03, 0.04, 0.03, 0.005 (4%), 0.0005 (0.4%) -> settled at 6
        double[] v = {0.02, 0.05, 0.09, 0.12, 0.125, 0.1255, 0.1256};
        assertEquals("6 SETTLED", firstStop(RULE, v, 0.10));
    }

    @Test
    void developingFactorsAreNeverHopeless() {
        // the dip of a cold start near the collapse: falling below the best, but its factors grow fast
        double[] v = {0.03, 0.025, 0.02, 0.04, 0.09};
        StopRule r = RULE;
        for (int t = 2; t <= 5; t++) {
            assertEquals(Verdict.CONTINUE, r.after(v, t, 0.13, true), "iteration " + t);
        }
        // the same values with factors that no longer grow: hopeless at the minimum, 3
        assertEquals("3 HOPELESS", firstStop(RULE, v, 0.13));
    }

    @Test
    void aSlowingRiseThatCannotReachTheBestStops() {
        // best 0.10, 15 iterations. t=3: gain 0.005 <= 0.01, 0.065 + 0.005 * 12 = 0.125 >= 0.10: go on;
        // t=4: gain 0.002 <= 0.005, 0.067 + 0.002 * 11 = 0.089 < 0.10: hopeless
        double[] v = {0.05, 0.06, 0.065, 0.067, 0.068};
        assertEquals("4 HOPELESS", firstStop(RULE, v, 0.10));
    }

    @Test
    void anAcceleratingRiseBelowTheBestGoesOn() {
        // gains 0.01, 0.02, 0.04: speeding up (a cold start leaving its random factors), so no extrapolation;
        // t=5: gain 0.03 < 0.04 and 0.12 + 0.03 * 10 >= 0.2: go on; never settled within these values
        double[] v = {0.02, 0.03, 0.05, 0.09, 0.12};
        assertEquals("0 CONTINUE", firstStop(RULE, v, 0.20));
    }

    @Test
    void noCandidateStopsBeforeTheMinimum() {
        // flat from the start: settled at iteration 2 by its change, but the minimum is 3
        double[] v = {0.1, 0.1, 0.1};
        assertEquals("3 SETTLED", firstStop(RULE, v, NONE));
        assertEquals("3 HOPELESS", firstStop(RULE, v, 0.2));
    }

    @Test
    void patienceCountsSettledIterationsInARow() {
        // changes 0.4%, 2%, 0.3%, 0.2%: patience 2 (minimum 3) needs the last two -> stops at 5;
        // patience 1 with a minimum of 1 stops at the first small change, iteration 2
        double[] v = {0.100, 0.1004, 0.1024, 0.1027, 0.1029};
        assertEquals("5 SETTLED", firstStop(new StopRule(3, 2, 15), v, NONE));
        assertEquals("2 SETTLED", firstStop(new StopRule(1, 1, 15), v, NONE));
    }

    @Test
    void aPatienceOfTheFullLengthTurnsEarlyStoppingOff() {
        double[] v = {0.2, 0.1, 0.05, 0.05, 0.05};
        assertEquals("0 CONTINUE", firstStop(new StopRule(3, 15, 15), v, 0.3));
    }
}
