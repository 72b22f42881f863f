package dk.vaerdig.shipped;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import dk.vaerdig.WebSession;

/** The files the application offers: recognised by their content type, and opened as their reader would. */
final class Downloads {

	static final String PDF = "application/pdf";

	static final String CSV = "text/csv";

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private Downloads() {
	}

	/** Whether the answer is a file this class checks (PDF, CSV or XLSX). */
	static boolean isFile(HttpResponse<byte[]> response) {
		String type = mediaType(response);
		return type.equals(PDF) || type.equals(CSV) || type.equals(XLSX);
	}

	/** Whether an address names such a file by its ending. */
	static boolean looksLikeFile(String path) {
		String p = path.toLowerCase(Locale.ROOT);
		return p.endsWith(".pdf") || p.endsWith(".csv") || p.endsWith(".xlsx");
	}

	/**
	 * Checks that the file opens: a PDF with PDFBox (at least one page, some text), a CSV as UTF-8 with a header row
	 * of several columns, an XLSX with POI (a sheet with a first row). Returns what it found, or throws.
	 */
	static String check(HttpResponse<byte[]> response) throws IOException {
		String type = mediaType(response);
		byte[] body = response.body();
		switch (type) {
			case PDF -> {
				try (PDDocument document = Loader.loadPDF(body)) {
					String text = new PDFTextStripper().getText(document);
					require(document.getNumberOfPages() > 0 && !text.isBlank(), response, "a PDF without pages or text");
					return "PDF, " + document.getNumberOfPages() + " page(s)";
				}
			}
			case CSV -> {
				String text = new String(body, StandardCharsets.UTF_8);
				if (text.startsWith("\uFEFF")) {
					text = text.substring(1);
				}
				String header = text.lines().findFirst().orElse("");
				int columns = header.split("[,;]", -1).length;
				require(columns >= 2 && !header.isBlank(), response, "a CSV without a header row: " + header);
				return "CSV, " + columns + " columns, " + text.lines().count() + " line(s)";
			}
			case XLSX -> {
				try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
					require(workbook.getNumberOfSheets() > 0, response, "a workbook without sheets");
					Sheet sheet = workbook.getSheetAt(0);
					Row first = sheet.getRow(sheet.getFirstRowNum());
					require(first != null && first.getPhysicalNumberOfCells() > 0, response, "a sheet without a first row");
					return "XLSX, " + workbook.getNumberOfSheets() + " sheet(s), " + (sheet.getLastRowNum() + 1) + " row(s)";
				}
			}
			default -> throw new AssertionError(response.uri() + ": not a PDF, CSV or XLSX but " + WebSession.contentType(response));
		}
	}

	static String mediaType(HttpResponse<?> response) {
		String type = WebSession.contentType(response);
		int semicolon = type.indexOf(';');
		return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
	}

	private static void require(boolean condition, HttpResponse<?> response, String problem) {
		if (!condition) {
			throw new AssertionError(response.uri() + ": " + problem);
		}
	}
}
