package dk.vaerdig.letters.internal;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The benchmarks of the letters module, apart from the tests ({@code mvn -Pbench compile exec:exec -Dbench=jmh} or
 * {@code -Dbench=batch}); each prints its figures.
 */
public final class LettersBenchmarks {

	private LettersBenchmarks() {
	}

	public static void main(String[] args) throws Exception {
		String which = args.length == 0 ? "jmh" : args[0];
		if (which.equals("jmh") || which.equals("all")) {
			jmh();
		}
		if (which.equals("batch") || which.equals("all")) {
			batch(args.length > 1 ? Integer.parseInt(args[1]) : 10_000);
		}
	}

	static void jmh() throws Exception {
		Options options = new OptionsBuilder().include(AnalyserBenchmark.class.getName())
			.include(SpellingBenchmark.class.getName())
			.forks(1)
			.threads(1)
			.warmupIterations(3)
			.warmupTime(TimeValue.seconds(2))
			.measurementIterations(3)
			.measurementTime(TimeValue.seconds(2))
			.jvmArgs("-Xmx1g")
			.build();
		Collection<RunResult> results = new Runner(options).run();
		for (RunResult r : results) {
			String name = r.getParams().getBenchmark();
			double score = r.getPrimaryResult().getScore();
			if (name.contains("AnalyserBenchmark")) {
				System.out.printf("FIGURE analyser without LanguageTool: %.1f MB/s on one thread (%.2f analyses of %.2f MB per s, ± %.2f)%n",
						score * AnalyserBenchmark.megabytes(), score, AnalyserBenchmark.megabytes(), r.getPrimaryResult().getScoreError());
			}
			else {
				System.out.printf("FIGURE one-page letter with LanguageTool: %.1f ms (± %.1f) after warm-up%n", score,
						r.getPrimaryResult().getScoreError());
			}
		}
	}

	/** The batch audit of {@code count} generated one-page letters (70 % .txt, 10 % each .html, .docx, .pdf). */
	static void batch(int count) throws Exception {
		Path dir = Files.createTempDirectory("letters-batch-bench");
		List<String> names = new ArrayList<>(count);
		List<Path> files = new ArrayList<>(count);
		long generated = System.nanoTime();
		for (int i = 0; i < count; i++) {
			String text = DanishCorpus.onePage(i);
			String name;
			byte[] bytes;
			switch (i % 10) {
				case 7 -> {
					name = "brev-" + i + ".html";
					bytes = ("<html><body><p>" + text.replace("\n\n", "</p><p>") + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
				}
				case 8 -> {
					name = "brev-" + i + ".docx";
					bytes = docx(text);
				}
				case 9 -> {
					name = "brev-" + i + ".pdf";
					bytes = pdf(text);
				}
				default -> {
					name = "brev-" + i + ".txt";
					bytes = text.getBytes(StandardCharsets.UTF_8);
				}
			}
			Path file = dir.resolve(Integer.toString(i));
			Files.write(file, bytes);
			names.add(name);
			files.add(file);
		}
		System.out.printf("generated %d letters in %.1f s%n", count, (System.nanoTime() - generated) / 1e9);
		System.gc();
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			pool.resetPeakUsage();
		}
		PlainLanguageAnalyser analyser = ShippedDictionary.analyser();
		List<AuditJob.Row> rows = new ArrayList<>(count);
		long started = System.nanoTime();
		for (int i = 0; i < count; i++) {
			String text = LetterFiles.text(names.get(i), Files.readAllBytes(files.get(i)));
			rows.add(AuditJob.Row.of(names.get(i), analyser.analyse(text, LetterCategory.SYSTEM)));
		}
		java.io.StringWriter out = new java.io.StringWriter();
		AuditJob.writeCsv(out, rows, key -> key);
		String csv = out.toString();
		double seconds = (System.nanoTime() - started) / 1e9;
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		System.out.printf("FIGURE batch audit of %d one-page letters (txt/html/docx/pdf): %.1f s, %.1f letters/s, "
				+ "peak heap %d MB (max heap %d MB), report %d rows / %d kB CSV%n", count, seconds, count / seconds,
				peak >> 20, Runtime.getRuntime().maxMemory() >> 20, rows.size(), csv.length() >> 10);
		try (var all = Files.walk(dir)) {
			all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}

	static byte[] docx(String text) throws Exception {
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			for (String paragraph : text.split("\n+")) {
				doc.createParagraph().createRun().setText(paragraph);
			}
			doc.write(out);
			return out.toByteArray();
		}
	}

	static byte[] pdf(String text) throws Exception {
		try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDPage page = new PDPage();
			doc.addPage(page);
			PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
			try (PDPageContentStream stream = new PDPageContentStream(doc, page)) {
				stream.beginText();
				stream.setFont(font, 9);
				stream.setLeading(11);
				stream.newLineAtOffset(40, 760);
				for (String line : wrap(text, 110)) {
					stream.showText(line.replace("§", "par.").replace("–", "-"));
					stream.newLine();
				}
				stream.endText();
			}
			doc.save(out);
			return out.toByteArray();
		}
	}

	static List<String> wrap(String text, int width) {
		List<String> lines = new ArrayList<>();
		for (String paragraph : text.split("\n")) {
			StringBuilder line = new StringBuilder();
			for (String word : paragraph.split(" ")) {
				if (line.length() + word.length() + 1 > width) {
					lines.add(line.toString());
					line.setLength(0);
				}
				line.append(line.length() == 0 ? "" : " ").append(word);
			}
			lines.add(line.toString());
		}
		return lines;
	}
}
