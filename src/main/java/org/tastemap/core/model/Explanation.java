package org.tastemap.core.model;

import java.util.List;

/**
 * Why artist {@code item} is recommended to {@code user} (Hu, Koren &amp; Volinsky 2008, section 5).
 * With {@code W_u = (Yt Cu Y + lambda I)^-1} and the user's row re-solved against the current artist
 * factors, {@code x_u = W_u Yt Cu p(u)}, so the score splits over the artists the user played:
 * <pre>
 *   score = y_i' x_u = sum_j s_ij c_uj,    s_ij = y_i' W_u y_j
 * </pre>
 *
 * @param scoreRefit    {@code y_i . x_u} with the re-solved x_u; the contributions add up to it exactly
 * @param scoreModel    {@code y_i . x_u} with the stored factors
 * @param contributions one per played artist, largest first
 */
public record Explanation(int user, int item, double scoreRefit, double scoreModel, List<Contribution> contributions) {

    /**
     * One played artist's part of the score.
     *
     * @param item         the played artist
     * @param plays        r_uj
     * @param confidence   c_uj
     * @param similarity   s_ij, the artists' similarity weighted by this user's W_u
     * @param contribution s_ij * c_uj
     */
    public record Contribution(int item, double plays, double confidence, double similarity, double contribution) {
    }

    /** A contribution's share of the re-solved score (may be negative, or above 1). */
    public double share(Contribution c) {
        return scoreRefit == 0 ? 0 : c.contribution() / scoreRefit;
    }

    /** The sum of all contributions; equals {@link #scoreRefit()} up to rounding. */
    public double total() {
        double s = 0;
        for (Contribution c : contributions) {
            s += c.contribution();
        }
        return s;
    }
}
