package dk.vaerdig.employment.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dk.vaerdig.platform.Texts;

/** The candidate's competences, mapped with the candidate (hidden ones too, with their evidence), and job wishes. */
@Service
public class Profiles {

	public enum Source {
		WORK, EDUCATION, VOLUNTEERING, FAMILY, HOBBY, OTHER
	}

	public record Competence(long id, String occupationCode, String occupationTitle, String skill, boolean hidden,
			Source source, String evidence, String createdBy, Instant createdAt) {
	}

	public record Wish(List<String> occupationCodes, Integer hoursPerWeek, String postalCode, Integer maxCommuteKm,
			String accommodations, int version) {

		public static Wish none() {
			return new Wish(List.of(), null, null, null, null, -1);
		}
	}

	public record Occupation(String code, String title, boolean shortage) {
	}

	/** A sub-major group of ISCO-08 (two digits) with its occupations, for grouping long lists in forms. */
	public record OccupationGroup(String code, String title, List<Occupation> occupations) {

		public boolean containsAny(Collection<String> codes) {
			return codes != null && occupations.stream().anyMatch(o -> codes.contains(o.code()));
		}
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	Profiles(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** All occupations by sub-major group (in code order), each group's occupations by title. */
	public List<OccupationGroup> occupationGroups(Locale locale) {
		String title = "en".equals(locale.getLanguage()) ? "title_en" : "title_da";
		Map<String, OccupationGroup> groups = new LinkedHashMap<>();
		jdbc.sql("SELECT g.code AS group_code, g." + title + " AS group_title, o.code, o." + title + " AS title, o.shortage "
				+ "FROM occupation o JOIN occupation_group g ON g.code = left(o.code, 2) ORDER BY g.code, o." + title + ", o.code")
			.query(rs -> {
				String groupTitle = rs.getString("group_title");
				groups.computeIfAbsent(rs.getString("group_code"), code -> new OccupationGroup(code, groupTitle, new ArrayList<>()))
					.occupations()
					.add(new Occupation(rs.getString("code"), rs.getString("title"), rs.getBoolean("shortage")));
			});
		return List.copyOf(groups.values());
	}

	public boolean occupationExists(String code) {
		return code != null && jdbc.sql("SELECT count(*) FROM occupation WHERE code = ?").param(code).query(Long.class).single() > 0;
	}

	public boolean postalCodeExists(String code) {
		return code != null && jdbc.sql("SELECT count(*) FROM postal_area WHERE code = ?").param(code).query(Long.class).single() > 0;
	}

	public List<Competence> competences(long candidateId, Locale locale) {
		String title = "en".equals(locale.getLanguage()) ? "o.title_en" : "o.title_da";
		return jdbc.sql("SELECT c.id, c.occupation_code, " + title + """
				 AS occupation_title, c.skill, c.hidden, c.source, c.evidence, c.created_by, c.created_at
				FROM competence c LEFT JOIN occupation o ON o.code = c.occupation_code
				WHERE c.candidate_id = ? ORDER BY c.hidden, c.id""")
			.param(candidateId)
			.query(Competence.class)
			.list();
	}

	@Transactional
	public void addCompetence(long candidateId, String occupationCode, String skill, boolean hidden, Source source,
			String evidence, String by) {
		jdbc.sql("""
				INSERT INTO competence (candidate_id, occupation_code, skill, hidden, source, evidence, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(candidateId, Texts.blankToNull(occupationCode), skill.strip(), hidden, source.name(), Texts.blankToNull(evidence), by,
					Timestamp.from(clock.instant()))
			.update();
	}

	public Wish wish(long candidateId) {
		return jdbc.sql("""
				SELECT occupation_codes, hours_per_week, postal_code, max_commute_km, accommodations, version
				FROM job_wish WHERE candidate_id = ?""")
			.param(candidateId)
			.query((rs, n) -> new Wish(List.of((String[]) rs.getArray("occupation_codes").getArray()),
					(Integer) rs.getObject("hours_per_week"), rs.getString("postal_code"),
					(Integer) rs.getObject("max_commute_km"), rs.getString("accommodations"), rs.getInt("version")))
			.optional()
			.orElse(Wish.none());
	}

	/** Saves the wishes; {@code version} is the one the form was based on (-1 for none yet). */
	@Transactional
	public void saveWish(long candidateId, Wish w, int version, String by) {
		Timestamp now = Timestamp.from(clock.instant());
		String[] codes = w.occupationCodes().toArray(String[]::new);
		int updated = version < 0
				? jdbc.sql("""
						INSERT INTO job_wish (candidate_id, occupation_codes, hours_per_week, postal_code, max_commute_km,
						  accommodations, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
					.params(candidateId, codes, w.hoursPerWeek(), Texts.blankToNull(w.postalCode()), w.maxCommuteKm(),
							Texts.blankToNull(w.accommodations()), by, now)
					.update()
				: jdbc.sql("""
						UPDATE job_wish SET occupation_codes = ?, hours_per_week = ?, postal_code = ?, max_commute_km = ?,
						  accommodations = ?, updated_by = ?, updated_at = ?, version = version + 1
						WHERE candidate_id = ? AND version = ?""")
					.params(codes, w.hoursPerWeek(), Texts.blankToNull(w.postalCode()), w.maxCommuteKm(), Texts.blankToNull(w.accommodations()), by,
							now, candidateId, version)
					.update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("employment.wish.changed");
		}
	}

	/** The candidate as matching sees them. */
	public Matching.Profile profile(long candidateId, String name) {
		Wish w = wish(candidateId);
		Set<String> experience = Set.copyOf(jdbc.sql(
				"SELECT DISTINCT occupation_code FROM competence WHERE candidate_id = ? AND occupation_code IS NOT NULL")
			.param(candidateId)
			.query(String.class)
			.list());
		return new Matching.Profile(candidateId, name, experience, Set.copyOf(w.occupationCodes()), w.hoursPerWeek(),
				w.postalCode(), w.maxCommuteKm(), w.accommodations() != null && !w.accommodations().isBlank());
	}

	/** Many candidates as matching sees them, in two queries (for ranking candidates for an opening). */
	public List<Matching.Profile> profiles(Map<Long, String> names) {
		if (names.isEmpty()) {
			return List.of();
		}
		Long[] ids = names.keySet().toArray(Long[]::new);
		Map<Long, Set<String>> experience = new HashMap<>();
		jdbc.sql("SELECT candidate_id, occupation_code FROM competence WHERE candidate_id = ANY(?) AND occupation_code IS NOT NULL")
			.param(ids)
			.query(rs -> {
				experience.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2));
			});
		Map<Long, Matching.Profile> profiles = new HashMap<>();
		jdbc.sql("""
				SELECT candidate_id, occupation_codes, hours_per_week, postal_code, max_commute_km, accommodations
				FROM job_wish WHERE candidate_id = ANY(?)""")
			.param(ids)
			.query(rs -> {
				long id = rs.getLong("candidate_id");
				String accommodations = rs.getString("accommodations");
				profiles.put(id, new Matching.Profile(id, names.get(id), Set.copyOf(experience.getOrDefault(id, Set.of())),
						Set.of((String[]) rs.getArray("occupation_codes").getArray()), (Integer) rs.getObject("hours_per_week"),
						rs.getString("postal_code"), (Integer) rs.getObject("max_commute_km"),
						accommodations != null && !accommodations.isBlank()));
			});
		for (Long id : ids) {
			profiles.computeIfAbsent(id, k -> new Matching.Profile(k, names.get(k), Set.copyOf(experience.getOrDefault(k, Set.of())),
					Set.of(), null, null, null, false));
		}
		return List.copyOf(profiles.values());
	}


}
