package dk.vaerdig.surveys;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dk.vaerdig.platform.Texts;

/** "You said – we did": improvements staff publish for the lobby screen, in Danish and (optionally) English. */
@Service
public class Improvements {

	public record Improvement(long id, String youSaid, String weDid, String publishedBy, Instant publishedAt) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	Improvements(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public List<Improvement> active(Locale locale, int limit) {
		boolean en = "en".equals(locale.getLanguage());
		return jdbc.sql("SELECT id, " + (en ? "coalesce(you_said_en, you_said_da)" : "you_said_da") + " AS you_said, "
				+ (en ? "coalesce(we_did_en, we_did_da)" : "we_did_da")
				+ " AS we_did, published_by, published_at FROM survey_improvement WHERE active ORDER BY published_at DESC LIMIT ?")
			.param(limit)
			.query(Improvement.class)
			.list();
	}

	public void publish(String youSaidDa, String weDidDa, String youSaidEn, String weDidEn, String by) {
		jdbc.sql("""
				INSERT INTO survey_improvement (you_said_da, we_did_da, you_said_en, we_did_en, published_by, published_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(youSaidDa.strip(), weDidDa.strip(), Texts.blankToNull(youSaidEn), Texts.blankToNull(weDidEn), by,
					Timestamp.from(clock.instant()))
			.update();
	}

	public void withdraw(long id) {
		jdbc.sql("UPDATE survey_improvement SET active = FALSE WHERE id = ?").param(id).update();
	}

}
