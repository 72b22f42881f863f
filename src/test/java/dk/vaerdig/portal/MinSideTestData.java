package dk.vaerdig.portal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Data for a Min side page test: something in every part of every page, in plain Danish. */
public final class MinSideTestData {

	private MinSideTestData() {
	}

	/** Plain content of the kind a caseworker writes, so that every part of every page shows; returns the letter's id. */
	public static long plain(JdbcClient jdbc, long id) {
		int version = jdbc.sql("SELECT coalesce(max(version), 0) FROM case_story WHERE candidate_id = ?").param(id)
			.query(Integer.class).single();
		for (String text : List.of("Jeg har arbejdet på et lager i ti år. Nu har jeg ondt i ryggen.",
				"Jeg har arbejdet på et lager i ti år. Nu vil jeg gerne arbejde i en butik.")) {
			jdbc.sql("""
					INSERT INTO case_story (candidate_id, version, text, own_words, written_by, written_at)
					VALUES (?, ?, ?, TRUE, 'sagsbehandler', now())""").params(id, ++version, text).update();
		}
		jdbc.sql("""
				INSERT INTO offer (candidate_id, kind, title, description, status, proposed_by, proposed_at, decided_at, reason)
				VALUES (?, 'INTERNSHIP', 'Praktik i en butik', 'Fire uger i en butik i byen.', 'CHOSEN', 'sagsbehandler',
				  now(), now(), 'Jeg vil prøve at stå i en butik.')""").param(id).update();
		jdbc.sql("""
				INSERT INTO meeting (candidate_id, caseworker, planned_at, form, status, held_at, talked_about,
				  candidate_wishes, next_step)
				VALUES (?, 'sagsbehandler', now() - interval '2 days', 'IN_PERSON', 'HELD', now() - interval '2 days',
				  'Vi talte om dit CV og om job i en butik.', 'Jeg vil gerne arbejde tæt på, hvor jeg bor.',
				  'Du sender dit CV til mig.')""").param(id).update();
		long letter = jdbc.sql("""
				INSERT INTO letter_sent (request_id, candidate_id, version_id, subject, body, channel, sent_by)
				SELECT gen_random_uuid(), ?, min(id), 'Tid til et møde', 'Hej. Vi vil gerne tale med dig om dit job. Kom på
				jobcentret tirsdag kl. 10. Ring til os, hvis du ikke kan.', 'DIGITAL_POST', 'sagsbehandler'
				FROM letter_template_version RETURNING id""").param(id).query(Long.class).single();
		for (String[] stage : new String[][] { { "RECEIVED", null, null }, { "REASSESSED", "UPHELD_PARTLY", null },
				{ "FORWARDED", "NOT_UPHELD", null }, { "CLOSED", "NOT_UPHELD", "CHANGED" } }) {
			jdbc.sql("""
					INSERT INTO complaint (candidate_id, team_id, channel, received_on, decision_ref, decision_received_on,
					  complaint_deadline, late, what_candidate_says, category_id, reassess_by, forward_by, status, outcome,
					  reassessed_on, forwarded_on, appeals_result, appeals_result_on, registered_by, registered_at)
					SELECT c.id, c.team_id, 'PORTAL', current_date - 10, 'om praktik', current_date - 20, current_date + 8,
					  FALSE, 'Jeg er ikke enig.', (SELECT min(id) FROM complaint_category), current_date + 18,
					  current_date + 18, ?::text, ?::text, CASE WHEN ?::text IS NULL THEN NULL ELSE current_date - 5 END,
					  CASE WHEN ?::text IN ('FORWARDED', 'CLOSED') THEN current_date - 2 END, ?::text,
					  CASE WHEN ?::text IS NULL THEN NULL ELSE current_date END, 'klagebehandler', now()
					FROM candidate c WHERE c.id = ?""")
				.params(stage[0], stage[1], stage[1], stage[0], stage[2], stage[2], id).update();
		}
		jdbc.sql("""
				INSERT INTO case_message (candidate_id, request_id, from_candidate, written_by, written_at, body, reply_by)
				VALUES (?, gen_random_uuid(), TRUE, 'kandidaten', now() - interval '1 hour', 'Kan vi tale sammen i telefonen?',
				  current_date + 2),
				  (?, gen_random_uuid(), FALSE, 'sagsbehandler', now(), 'Ja, det kan vi godt. Jeg ringer til dig i morgen.',
				  NULL)""").params(id, id).update();
		jdbc.sql("""
				INSERT INTO audit_entry (occurred_at, actor, candidate_id, action, detail)
				VALUES (now(), 'sagsbehandler', ?, 'VIEW_CASE', NULL)""").param(id).update();
		return letter;
	}

	/**
	 * What Min side, part 2 (issue 13, part A) shows in every state: two offers to choose between, an item of the
	 * candidate's own for the next meeting, an agreement of theirs marked done, and a complaint started from Min side;
	 * returns the complaint's id (for its receipt).
	 */
	public static long choices(JdbcClient jdbc, long id) {
		for (String title : List.of("Praktik på et lager", "Kursus i at køre truck")) {
			jdbc.sql("""
					INSERT INTO offer (candidate_id, kind, title, description, status, proposed_by, proposed_at)
					VALUES (?, 'INTERNSHIP', ?, 'Otte uger tæt på dit hjem.', 'PROPOSED', 'sagsbehandler', now())""")
				.params(id, title).update();
		}
		jdbc.sql("""
				INSERT INTO meeting_agenda_item (candidate_id, meeting_id, text, added_at)
				SELECT ?, (SELECT min(m.id) FROM meeting m WHERE m.candidate_id = ? AND m.status = 'PLANNED' AND m.planned_at > now()),
				  'Kan jeg få hjælp til mit CV?', now()""").params(id, id).update();
		jdbc.sql("""
				INSERT INTO agreement (candidate_id, responsible, what, status, created_at, candidate_done_at, candidate_done_note)
				VALUES (?, 'CANDIDATE', 'Send dit CV til to butikker', 'OPEN', now(), now(), 'Jeg sendte det i går.'),
				  (?, 'TOGETHER', 'Find en butik, du vil besøge', 'OPEN', now(), NULL, NULL)""")
			.params(id, id).update();
		return jdbc.sql("""
				INSERT INTO complaint (candidate_id, team_id, channel, received_on, decision_ref, decision_received_on,
				  complaint_deadline, late, what_candidate_says, category_id, reassess_by, forward_by, status,
				  registered_by, registered_at)
				SELECT c.id, c.team_id, 'PORTAL', current_date, 'Brev om praktik', current_date - 3, current_date + 25,
				  FALSE, 'Jeg er ikke enig.', 6, current_date + 14, current_date + 28, 'RECEIVED', 'kandidaten', now()
				FROM candidate c WHERE c.id = ? RETURNING id""").param(id).query(Long.class).single();
	}
}
