package dk.vaerdig.employment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class MatchingTest {

	static final Geography ZEALAND = Geography.of(Map.of("4700", new double[] { 55.2299, 11.7609 }, // Næstved
			"4100", new double[] { 55.4426, 11.7900 }, // Ringsted, ~24 km
			"1000", new double[] { 55.6786, 12.5750 })); // Copenhagen, ~70 km

	static Matching.Job welder(String postal, int hours, boolean accommodation) {
		return new Matching.Job(1, "Svejser", "Smedjen A/S", "7212", "ORDINARY", hours, postal, accommodation, true);
	}

	@Test
	void experienceWishHoursDistanceAndShortageAddUpWithTheirReasons() {
		var p = new Matching.Profile(1, "Ole", Set.of("7212"), Set.of("7212"), 37, "4700", 30, false);
		var s = Matching.score(p, welder("4100", 37, false), ZEALAND);
		assertThat(s.reasons()).extracting(Matching.Reason::key)
			.containsExactly("employment.reason.experience", "employment.reason.wish", "employment.reason.hours",
					"employment.reason.near", "employment.reason.shortage");
		assertThat(s.value()).isEqualTo(40 + 30 + 15 + 10 + 5);
		assertThat(s.reasons().get(3).args()).containsExactly(24L);
	}

	@Test
	void relatedWorkCountsLessThanTheSameWork() {
		// 7211 (moulder) shares the minor group 721 with welding
		var related = new Matching.Profile(1, "Ole", Set.of("7211"), Set.of(), null, null, null, false);
		var same = new Matching.Profile(2, "Ida", Set.of("7212"), Set.of(), null, null, null, false);
		assertThat(Matching.score(related, welder("4700", 37, false), ZEALAND).value())
			.isLessThan(Matching.score(same, welder("4700", 37, false), ZEALAND).value());
	}

	@Test
	void aJobTooFarAwayOrWithoutTheNeededAccommodationsCountsAgainst() {
		var p = new Matching.Profile(1, "Ole", Set.of("7212"), Set.of(), 20, "4700", 30, true);
		var s = Matching.score(p, welder("1000", 37, false), ZEALAND);
		assertThat(s.reasons()).extracting(Matching.Reason::key)
			.contains("employment.reason.far", "employment.reason.hoursOff", "employment.reason.noAccommodation");
		var flex = new Matching.Job(2, "Svejser", "Smedjen", "7212", "FLEXJOB", 20, "4700", false, false);
		assertThat(Matching.score(p, flex, ZEALAND).reasons()).extracting(Matching.Reason::key)
			.contains("employment.reason.accommodation", "employment.reason.hours");
	}

	/** Property: the score is always between 0 and 100 and equals the sum of its reasons, clamped. */
	@Test
	void theScoreIsTheClampedSumOfItsReasons() {
		Random random = new Random(17);
		String[] codes = { "7212", "7211", "5120", "5321", "9333", "8332" };
		String[] postals = { "4700", "4100", "1000", "9999", null };
		for (int i = 0; i < 2000; i++) {
			var p = new Matching.Profile(i, "x", Set.of(codes[random.nextInt(codes.length)]),
					Set.of(codes[random.nextInt(codes.length)]), random.nextBoolean() ? null : 1 + random.nextInt(48),
					postals[random.nextInt(postals.length)], random.nextBoolean() ? null : random.nextInt(100), random.nextBoolean());
			var j = new Matching.Job(i, "t", "c", codes[random.nextInt(codes.length)], random.nextBoolean() ? "FLEXJOB" : "ORDINARY",
					1 + random.nextInt(48), postals[random.nextInt(postals.length)], random.nextBoolean(), random.nextBoolean());
			var s = Matching.score(p, j, ZEALAND);
			int sum = s.reasons().stream().mapToInt(Matching.Reason::points).sum();
			assertThat(s.value()).isBetween(0, 100).isEqualTo(Math.max(0, Math.min(100, sum)));
		}
	}
}
