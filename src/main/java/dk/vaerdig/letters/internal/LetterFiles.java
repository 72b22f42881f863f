package dk.vaerdig.letters.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The text of an uploaded letter: plain text (UTF-8, or Windows-1252 as older systems write it), HTML (jsoup), Word
 * .docx (Apache POI) and PDF (PDFBox 3). Headings, paragraphs and list items become lines of their own, with a blank
 * line after each block, so the tokenizer sees where a heading or list item ends.
 */
public final class LetterFiles {

	/** A file of a kind the audit does not read. */
	public static class UnsupportedFile extends IllegalArgumentException {

		public UnsupportedFile(String name) {
			super(name);
		}
	}

	public enum Kind {
		TXT, HTML, DOCX, PDF;

		public static Kind of(String filename) {
			String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
			if (name.endsWith(".txt")) {
				return TXT;
			}
			if (name.endsWith(".html") || name.endsWith(".htm")) {
				return HTML;
			}
			if (name.endsWith(".docx")) {
				return DOCX;
			}
			if (name.endsWith(".pdf")) {
				return PDF;
			}
			throw new UnsupportedFile(filename);
		}
	}

	private LetterFiles() {
	}

	public static String text(String filename, byte[] bytes) throws IOException {
		return switch (Kind.of(filename)) {
			case TXT -> decode(bytes);
			case HTML -> html(decode(bytes));
			case DOCX -> docx(bytes);
			case PDF -> pdf(bytes);
		};
	}

	static String decode(byte[] bytes) {
		int offset = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
				.toString();
		}
		catch (CharacterCodingException e) {
			return new String(bytes, Charset.forName("windows-1252"));
		}
	}

	static String html(String html) {
		Document doc = Jsoup.parse(html);
		doc.select("script, style, head").remove();
		StringBuilder out = new StringBuilder();
		Set<Element> taken = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Element block : doc.body().select("h1, h2, h3, h4, h5, h6, p, li, td, th, pre, blockquote, div:not(:has(p, li, div, h1, h2, h3, h4, table))")) {
			boolean inside = block.parents().stream().anyMatch(taken::contains);
			taken.add(block);
			String text = block.wholeText().strip().replaceAll("\\s*\\n\\s*", " ");
			if (!text.isEmpty() && !inside) {
				out.append(block.is("li") ? "- " : "").append(text).append("\n\n");
			}
		}
		return out.length() == 0 ? doc.body().wholeText().strip() : out.toString().strip();
	}

	static String docx(byte[] bytes) throws IOException {
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes));
				XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
			return extractor.getText().replace("\n", "\n\n").strip();
		}
	}

	static String pdf(byte[] bytes) throws IOException {
		try (PDDocument doc = Loader.loadPDF(bytes)) {
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setParagraphEnd("\n");
			return stripper.getText(doc).strip();
		}
	}
}
