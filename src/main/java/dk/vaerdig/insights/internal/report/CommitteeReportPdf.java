package dk.vaerdig.insights.internal.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;

import org.springframework.stereotype.Service;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import dk.vaerdig.insights.internal.report.CommitteeReports.Report;

/** The committee's report as a PDF (openhtmltopdf, as the complaints' forwarding package), from the page's sections. */
@Service
public class CommitteeReportPdf {

	private final TemplateEngine templates;

	CommitteeReportPdf(TemplateEngine templates) {
		this.templates = templates;
	}

	public byte[] pdf(Report report, Locale locale) {
		Context context = new Context(locale);
		context.setVariable("r", report);
		String html = templates.process("insights/committee-report-pdf", context);
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
