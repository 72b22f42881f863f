package dk.vaerdig.letters.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

import dk.vaerdig.letters.internal.TemplateVersion.Status;

/**
 * Letter templates, their versions and the review: the repository of the {@link TemplateVersion} aggregate (saved
 * with an optimistic lock on {@code row_version}) and the workflow around it.
 */
@Service
public class LetterTemplates {

	public record Template(long id, String name, LetterCategory category, String createdBy, Integer latestNumber,
			String latestStatus, Integer approvedNumber) {

		public String latestStatusKey() {
			return latestStatus == null ? null : Status.valueOf(latestStatus).messageKey();
		}
	}

	public record Comment(String author, String text, Instant at) {
	}

	/** One line of a diff: {@code kind} is EQUAL, DELETED or INSERTED. */
	public record DiffLine(String kind, String text) {
	}

	private static final String VERSION = """
			SELECT id, template_id, number, subject, body, status, author, reviewed_by, reviewed_at, row_version
			FROM letter_template_version""";

	private final JdbcClient jdbc;

	private final Clock clock;

	LetterTemplates(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public List<Template> templates() {
		return jdbc.sql("""
				SELECT t.id, t.name, t.category, t.created_by,
				  (SELECT max(number) FROM letter_template_version v WHERE v.template_id = t.id) AS latest_number,
				  (SELECT status FROM letter_template_version v WHERE v.template_id = t.id ORDER BY number DESC LIMIT 1)
				    AS latest_status,
				  (SELECT max(number) FROM letter_template_version v WHERE v.template_id = t.id AND status = 'APPROVED')
				    AS approved_number
				FROM letter_template t ORDER BY t.name""")
			.query((rs, n) -> new Template(rs.getLong("id"), rs.getString("name"),
					LetterCategory.valueOf(rs.getString("category")), rs.getString("created_by"),
					(Integer) rs.getObject("latest_number"), rs.getString("latest_status"),
					(Integer) rs.getObject("approved_number")))
			.list();
	}

	public Optional<Template> template(long id) {
		return templates().stream().filter(t -> t.id() == id).findFirst();
	}

	/** A new template with its first version as a draft; returns the template's id. */
	@Transactional
	public long create(String name, LetterCategory category, String subject, String body, String by) {
		long id = jdbc.sql("INSERT INTO letter_template (name, category, created_by) VALUES (?, ?, ?) RETURNING id")
			.params(name, category.name(), by)
			.query(Long.class)
			.single();
		jdbc.sql("""
				INSERT INTO letter_template_version (template_id, number, subject, body, status, author)
				VALUES (?, 1, ?, ?, 'DRAFT', ?)""").params(id, subject, body, by).update();
		return id;
	}

	public List<TemplateVersion> versions(long templateId) {
		return jdbc.sql(VERSION + " WHERE template_id = ? ORDER BY number DESC").param(templateId).query(LetterTemplates::map).list();
	}

	public Optional<TemplateVersion> version(long templateId, int number) {
		return jdbc.sql(VERSION + " WHERE template_id = ? AND number = ?").params(templateId, number)
			.query(LetterTemplates::map).optional();
	}

	public Optional<TemplateVersion> version(long versionId) {
		return jdbc.sql(VERSION + " WHERE id = ?").param(versionId).query(LetterTemplates::map).optional();
	}

	/** The version that is sent now: the newest approved one. */
	public Optional<TemplateVersion> approved(long templateId) {
		return jdbc.sql(VERSION + " WHERE template_id = ? AND status = 'APPROVED' ORDER BY number DESC LIMIT 1")
			.param(templateId).query(LetterTemplates::map).optional();
	}

	/** The open draft or version in review, or a new draft copied from the newest version. */
	@Transactional
	public TemplateVersion newDraft(long templateId, String by) {
		List<TemplateVersion> all = versions(templateId);
		if (all.isEmpty()) {
			throw new IllegalArgumentException("No template " + templateId);
		}
		TemplateVersion latest = all.get(0);
		if (latest.status() == Status.DRAFT || latest.status() == Status.IN_REVIEW) {
			return latest;
		}
		jdbc.sql("""
				INSERT INTO letter_template_version (template_id, number, subject, body, status, author)
				VALUES (?, ?, ?, ?, 'DRAFT', ?)""")
			.params(templateId, latest.number() + 1, latest.subject(), latest.body(), by).update();
		return version(templateId, latest.number() + 1).orElseThrow();
	}

	/** Saves the version if no one else changed it since it was read (its row version), else throws. */
	@Transactional
	public void save(TemplateVersion v) {
		int updated = jdbc.sql("""
				UPDATE letter_template_version SET subject = ?, body = ?, status = ?, reviewed_by = ?, reviewed_at = ?,
				  row_version = row_version + 1
				WHERE id = ? AND row_version = ?""")
			.params(v.subject(), v.body(), v.status().name(), v.reviewedBy(),
					v.reviewedAt() == null ? null : Timestamp.from(v.reviewedAt()), v.id(), v.rowVersion())
			.update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException("Version " + v.id() + " was changed by someone else");
		}
	}

	@Transactional
	public void edit(long versionId, int rowVersion, String subject, String body) {
		TemplateVersion v = current(versionId, rowVersion);
		v.edit(subject, body);
		save(v);
	}

	@Transactional
	public void submit(long versionId, int rowVersion, String by, String comment) {
		TemplateVersion v = current(versionId, rowVersion);
		v.submit();
		save(v);
		comment(versionId, by, comment);
	}

	@Transactional
	public void approve(long versionId, int rowVersion, String reviewer, String comment) {
		TemplateVersion v = current(versionId, rowVersion);
		v.approve(reviewer, clock.instant());
		for (TemplateVersion older : versions(v.templateId())) {
			if (older.status() == Status.APPROVED) {
				older.retire();
				save(older);
			}
		}
		save(v);
		comment(versionId, reviewer, comment);
	}

	@Transactional
	public void requestChanges(long versionId, int rowVersion, String reviewer, String comment) {
		TemplateVersion v = current(versionId, rowVersion);
		v.requestChanges(reviewer, clock.instant());
		save(v);
		comment(versionId, reviewer, comment);
	}

	private TemplateVersion current(long versionId, int rowVersion) {
		TemplateVersion v = version(versionId).orElseThrow(() -> new IllegalArgumentException("No version " + versionId));
		if (v.rowVersion() != rowVersion) {
			throw new OptimisticLockingFailureException("Version " + versionId + " was changed by someone else");
		}
		return v;
	}

	public void comment(long versionId, String by, String text) {
		if (text != null && !text.isBlank()) {
			jdbc.sql("INSERT INTO letter_review_comment (version_id, author, text) VALUES (?, ?, ?)")
				.params(versionId, by, text.trim()).update();
		}
	}

	public List<Comment> comments(long versionId) {
		return jdbc.sql("SELECT author, text, created_at FROM letter_review_comment WHERE version_id = ? ORDER BY id")
			.param(versionId)
			.query((rs, n) -> new Comment(rs.getString("author"), rs.getString("text"),
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	/** The lines of {@code a} and {@code b} (subject first) as a diff (java-diff-utils, Myers). */
	public static List<DiffLine> diff(TemplateVersion a, TemplateVersion b) {
		List<String> old = lines(a);
		List<String> now = lines(b);
		Patch<String> patch = DiffUtils.diff(old, now);
		List<DiffLine> out = new ArrayList<>();
		int at = 0;
		for (AbstractDelta<String> delta : patch.getDeltas()) {
			int from = delta.getSource().getPosition();
			while (at < from) {
				out.add(new DiffLine("EQUAL", old.get(at++)));
			}
			delta.getSource().getLines().forEach(l -> out.add(new DiffLine("DELETED", l)));
			delta.getTarget().getLines().forEach(l -> out.add(new DiffLine("INSERTED", l)));
			at = from + delta.getSource().size();
		}
		while (at < old.size()) {
			out.add(new DiffLine("EQUAL", old.get(at++)));
		}
		return out;
	}

	private static List<String> lines(TemplateVersion v) {
		List<String> lines = new ArrayList<>();
		lines.add(v.subject());
		lines.add("");
		lines.addAll(List.of(v.body().split("\r?\n", -1)));
		return lines;
	}

	private static TemplateVersion map(ResultSet rs, int row) throws SQLException {
		Timestamp reviewed = rs.getTimestamp("reviewed_at");
		return new TemplateVersion(rs.getLong("id"), rs.getLong("template_id"), rs.getInt("number"),
				rs.getString("subject"), rs.getString("body"), Status.valueOf(rs.getString("status")),
				rs.getString("author"), rs.getString("reviewed_by"), reviewed == null ? null : reviewed.toInstant(),
				rs.getInt("row_version"));
	}
}
