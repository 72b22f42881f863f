package dk.vaerdig.letters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;

import org.springframework.stereotype.Service;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Printed documents as PDF, for other modules: a Thymeleaf page (a whole HTML document with its own print styles)
 * rendered by openhtmltopdf, as the complaints module makes the package for Ankestyrelsen. The letters module owns it
 * because a letter is the first thing a candidate prints; the candidate's copy of their data uses it too.
 */
@Service
public class Pdfs {

	private final TemplateEngine templates;

	Pdfs(TemplateEngine templates) {
		this.templates = templates;
	}

	/** Renders the template with the variables in the locale's language and returns the PDF. */
	public byte[] render(String template, Map<String, Object> variables, Locale locale) {
		Context context = new Context(locale);
		context.setVariables(variables);
		return fromHtml(templates.process(template, context));
	}

	/** Renders an HTML document as PDF. */
	public static byte[] fromHtml(String html) {
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
