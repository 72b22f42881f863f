package dk.vaerdig.complaints.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.AuditLog;
import dk.vaerdig.casework.Casework;

/**
 * The package sent to Ankestyrelsen with a complaint that was not fully upheld: the complaint, the decision it is
 * about with the letters the candidate got, and the reassessment, as one PDF (openhtmltopdf, from a Thymeleaf page).
 * Making it is a use of the candidate's data and is logged.
 */
@Service
public class ForwardingPackage {

	public record SentLetter(String subject, String body, Instant sentAt) {
	}

	private final Complaints complaints;

	private final Casework casework;

	private final JdbcClient jdbc;

	private final TemplateEngine templates;

	private final AuditLog audit;

	ForwardingPackage(Complaints complaints, Casework casework, JdbcClient jdbc, TemplateEngine templates, AuditLog audit) {
		this.complaints = complaints;
		this.casework = casework;
		this.jdbc = jdbc;
		this.templates = templates;
		this.audit = audit;
	}

	@Transactional
	public byte[] pdf(long complaintId) {
		Complaints.Complaint c = complaints.find(complaintId);
		if (c.outcome() == null || c.outcome() == Complaints.Outcome.UPHELD_FULLY) {
			throw new IllegalStateException("complaints.package.notForwardable");
		}
		var candidate = casework.open(c.candidateId(), "forwarding package for complaint " + complaintId);
		audit.record(c.candidateId(), AuditAction.VIEW_DOCUMENT, "forwarding package " + complaintId);
		List<SentLetter> letters = jdbc.sql("""
				SELECT subject, body, sent_at FROM letter_sent WHERE candidate_id = ? ORDER BY sent_at""")
			.param(c.candidateId())
			.query(SentLetter.class)
			.list();
		Context context = new Context(Locale.forLanguageTag("da"));
		context.setVariable("c", c);
		context.setVariable("candidate", candidate);
		context.setVariable("letters", letters);
		context.setVariable("themes", complaints.themes(complaintId));
		String html = templates.process("complaints/forwarding-package", context);
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), "/");
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
