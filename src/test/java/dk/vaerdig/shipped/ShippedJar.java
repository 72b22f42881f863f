package dk.vaerdig.shipped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The built jar ({@code target/vaerdig-*.jar}) started as users start it, {@code java -jar}, on a free port with its
 * embedded PostgreSQL in a temporary directory and the small demo municipality of the tests. Its output goes to
 * {@code target/shipped-jar.log}. Closing it stops it as a service manager would (SIGTERM, so it stops PostgreSQL
 * too), and kills what is left of its process tree after a minute.
 */
final class ShippedJar implements AutoCloseable {

	private final Process process;

	private final List<ProcessHandle> tree = new ArrayList<>();

	private final URI base;

	private final Path log;

	private ShippedJar(Process process, URI base, Path log) {
		this.process = process;
		this.base = base;
		this.log = log;
	}

	/** The jar Maven built: the property {@code vaerdig.jar} (set by Failsafe), else the newest target/vaerdig-*.jar. */
	static Path find() throws IOException {
		String configured = System.getProperty("vaerdig.jar");
		if (configured != null && Files.isRegularFile(Path.of(configured))) {
			return Path.of(configured);
		}
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files.filter(f -> f.getFileName().toString().matches("vaerdig-.*\\.jar"))
				.max(Comparator.comparing(f -> f.toFile().lastModified()))
				.orElseThrow(() -> new IllegalStateException("no target/vaerdig-*.jar: run `mvn package` first"));
		}
	}

	static ShippedJar start(Duration timeout) throws IOException, InterruptedException {
		return start(timeout, freePort(), List.of(), "shipped-jar.log");
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** The jar on the given port, with more command-line arguments (e.g. settings of a login), its log in target/. */
	static ShippedJar start(Duration timeout, int port, List<String> arguments, String logName)
			throws IOException, InterruptedException {
		Path jar = find();
		Path log = Path.of("target", logName);
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
				"-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--server.port=" + port,
				"--vaerdig.demo.candidates=300", "--vaerdig.demo.meetings-per-year=4",
				"--vaerdig.platform.embedded-db.fsync=false"));
		command.addAll(arguments);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		ShippedJar app = new ShippedJar(process, URI.create("http://localhost:" + port + "/"), log);
		System.out.println("ShippedJarIT: started " + jar + " on port " + port + " (log: " + log + ")");
		try {
			app.awaitHealthy(timeout);
		}
		catch (RuntimeException | InterruptedException e) {
			app.close();
			throw e;
		}
		return app;
	}

	URI base() {
		return base;
	}

	/** The last lines of the jar's output, for a failure message. */
	String logTail(int lines) {
		try {
			List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void awaitHealthy(Duration timeout) throws InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		Instant start = Instant.now();
		Instant deadline = start.plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException("the jar stopped with exit code " + process.exitValue() + ":\n" + logTail(60));
			}
			tree.addAll(process.descendants().filter(p -> !tree.contains(p)).toList());
			try {
				HttpResponse<String> health = http.send(HttpRequest.newBuilder(base.resolve("/actuator/health"))
					.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
					System.out.println("ShippedJarIT: the jar answered healthy after "
							+ Duration.between(start, Instant.now()).toSeconds() + " s");
					tree.addAll(process.descendants().filter(p -> !tree.contains(p)).toList());
					return;
				}
			}
			catch (IOException e) {
				// not listening yet
			}
			Thread.sleep(1000);
		}
		throw new IllegalStateException("the jar was not healthy within " + timeout + ":\n" + logTail(60));
	}

	@Override
	public void close() {
		tree.addAll(process.descendants().filter(p -> !tree.contains(p)).toList());
		process.destroy();
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
		// PostgreSQL stops with the application; whatever did not (a killed jar leaves it running) is ended here
		tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
		tree.stream().filter(ProcessHandle::isAlive).forEach(p -> p.onExit().orTimeout(10, TimeUnit.SECONDS)
			.exceptionally(e -> {
				p.destroyForcibly();
				return p;
			}).join());
	}
}
