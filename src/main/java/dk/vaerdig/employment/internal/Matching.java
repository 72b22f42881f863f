package dk.vaerdig.employment.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;

/**
 * The match score between a candidate's profile and an opening, 0–100, with the reasons that make it up, so the
 * caseworker and the candidate can see why a job is suggested. Pure function, used in both directions.
 */
public final class Matching {

	private Matching() {
	}

	/** What matching needs to know about a candidate. */
	public record Profile(long candidateId, String name, Set<String> experience, Set<String> wishes, Integer hours,
			String postalCode, Integer maxCommuteKm, boolean needsAccommodation) {
	}

	/** What matching needs to know about an opening. */
	public record Job(long openingId, String title, String company, String occupationCode, String kind, int hours,
			String postalCode, boolean offersAccommodation, boolean shortage) {
	}

	/** One reason, as a message key with its arguments, and the points it gives (negative for a misfit). */
	public record Reason(String key, List<Object> args, int points) {
	}

	public record Score(int value, List<Reason> reasons) {
	}

	public static Score score(Profile p, Job j, Geography geography) {
		List<Reason> reasons = new ArrayList<>();
		String group = j.occupationCode().substring(0, 3);
		if (p.experience().contains(j.occupationCode())) {
			reasons.add(new Reason("employment.reason.experience", List.of(), 40));
		}
		else if (p.experience().stream().anyMatch(c -> c.startsWith(group))) {
			reasons.add(new Reason("employment.reason.related", List.of(), 20));
		}
		if (p.wishes().contains(j.occupationCode())) {
			reasons.add(new Reason("employment.reason.wish", List.of(), 30));
		}
		else if (p.wishes().stream().anyMatch(c -> c.startsWith(group))) {
			reasons.add(new Reason("employment.reason.wishRelated", List.of(), 15));
		}
		if (p.hours() != null) {
			int diff = Math.abs(p.hours() - j.hours());
			if (diff <= 5) {
				reasons.add(new Reason("employment.reason.hours", List.of(j.hours()), 15));
			}
			else {
				reasons.add(new Reason("employment.reason.hoursOff", List.of(j.hours(), p.hours()), -10));
			}
		}
		OptionalDouble km = geography.km(p.postalCode(), j.postalCode());
		if (km.isPresent()) {
			long rounded = Math.round(km.getAsDouble());
			if (p.maxCommuteKm() == null || km.getAsDouble() <= p.maxCommuteKm()) {
				reasons.add(new Reason("employment.reason.near", List.of(rounded), 10));
			}
			else {
				reasons.add(new Reason("employment.reason.far", List.of(rounded, p.maxCommuteKm()), -20));
			}
		}
		if (p.needsAccommodation()) {
			if (j.offersAccommodation() || "FLEXJOB".equals(j.kind())) {
				reasons.add(new Reason("employment.reason.accommodation", List.of(), 10));
			}
			else {
				reasons.add(new Reason("employment.reason.noAccommodation", List.of(), -10));
			}
		}
		if (j.shortage()) {
			reasons.add(new Reason("employment.reason.shortage", List.of(), 5));
		}
		int total = reasons.stream().mapToInt(Reason::points).sum();
		return new Score(Math.max(0, Math.min(100, total)), List.copyOf(reasons));
	}

	/** A scored item. */
	public record Ranked<T>(T item, Score score) {
	}

	/** The {@code limit} best of the candidates for a job, best first (a bounded heap: no full sort). */
	public static List<Ranked<Profile>> topCandidates(List<Profile> candidates, Job job, Geography geography, int limit) {
		return top(candidates, p -> score(p, job, geography), limit);
	}

	/** The {@code limit} best jobs for a candidate, best first; jobs that score 0 are left out. */
	public static List<Ranked<Job>> topJobs(Profile candidate, List<Job> jobs, Geography geography, int limit) {
		return top(jobs, j -> score(candidate, j, geography), limit).stream().filter(r -> r.score().value() > 0).toList();
	}

	static <T> List<Ranked<T>> top(List<T> items, Function<T, Score> scorer, int limit) {
		PriorityQueue<Ranked<T>> heap = new PriorityQueue<>(
				Comparator.comparingInt((Ranked<T> r) -> r.score().value()));
		for (T item : items) {
			Score s = scorer.apply(item);
			if (heap.size() < limit) {
				heap.add(new Ranked<>(item, s));
			}
			else if (s.value() > heap.peek().score().value()) {
				heap.poll();
				heap.add(new Ranked<>(item, s));
			}
		}
		List<Ranked<T>> best = new ArrayList<>(heap);
		best.sort(Comparator.comparingInt((Ranked<T> r) -> r.score().value()).reversed());
		return best;
	}
}
