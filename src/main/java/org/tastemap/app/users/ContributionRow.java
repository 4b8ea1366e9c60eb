package org.tastemap.app.users;

/** One played artist's part in a recommendation's score (HKV section 5). */
public record ContributionRow(int artist, String name, double plays, double contribution, double share) {
}
