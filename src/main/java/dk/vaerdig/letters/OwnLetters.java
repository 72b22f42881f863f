package dk.vaerdig.letters;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dk.vaerdig.access.SignedIn;
import dk.vaerdig.platform.DanishDates;
import dk.vaerdig.platform.NotFoundOrNoAccess;
import dk.vaerdig.platform.PlatformSettings;

/**
 * The letters sent to the signed-in candidate, for their own pages (Min side). Every method takes the candidate from
 * the login ({@link SignedIn#candidate()}), never from the request: a letter id of another candidate is answered as a
 * letter that does not exist (404), and a member of staff is refused (403). The caller records the read in the audit
 * log.
 */
@Service
public class OwnLetters {

	/** A letter as it was sent: subject, body (plain text), channel ({@code DIGITAL_POST}, …) and when. */
	public record OwnLetter(long id, String subject, String body, String channel, Instant sentAt) {
	}

	private final JdbcClient jdbc;

	private final SignedIn signedIn;

	private final Pdfs pdfs;

	private final ZoneId zone;

	OwnLetters(JdbcClient jdbc, SignedIn signedIn, Pdfs pdfs, PlatformSettings platform) {
		this.jdbc = jdbc;
		this.signedIn = signedIn;
		this.pdfs = pdfs;
		this.zone = platform.zone();
	}

	/** Every letter sent to the candidate, newest first. */
	public List<OwnLetter> list() {
		return jdbc.sql("""
				SELECT id, subject, body, channel, sent_at FROM letter_sent WHERE candidate_id = ?
				ORDER BY sent_at DESC, id DESC""")
			.param(signedIn.candidate().candidateId())
			.query((rs, n) -> letter(rs))
			.list();
	}

	/** One of the candidate's letters; another candidate's letter or an unknown id is 404 alike. */
	public OwnLetter find(long id) {
		return jdbc.sql("SELECT id, subject, body, channel, sent_at FROM letter_sent WHERE id = ? AND candidate_id = ?")
			.params(id, signedIn.candidate().candidateId())
			.query((rs, n) -> letter(rs))
			.optional()
			.orElseThrow(NotFoundOrNoAccess::new);
	}

	/** One of the candidate's letters as PDF, as {@link #find(long)}. */
	public byte[] pdf(long id, Locale locale) {
		OwnLetter letter = find(id);
		return pdfs.render("letters/letter-pdf", Map.of("letter", letter, "sentOn",
				DanishDates.date(LocalDate.ofInstant(letter.sentAt(), zone))), locale);
	}

	private static OwnLetter letter(ResultSet rs) throws SQLException {
		return new OwnLetter(rs.getLong("id"), rs.getString("subject"), rs.getString("body"), rs.getString("channel"),
				rs.getTimestamp("sent_at").toInstant());
	}
}
