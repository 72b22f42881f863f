package dk.vaerdig.access.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

import dk.vaerdig.access.AuditLog.CheckpointCheck;

/**
 * Signed checkpoints of the audit chain's head, kept outside the database: appended to a file (opened in append mode;
 * the operator makes it append-only, {@code chattr +a}) and written to the log stream through the logger
 * {@value #LOGGER}, for journald or syslog. A checkpoint holds the chain position, the hash at that position, the time,
 * the key id and an HMAC of them with that key, so it cannot be made without the key. Someone who cuts the tail of the
 * chain in the database cannot cut the checkpoints too, and the verification finds the checkpointed position missing or
 * changed.
 */
public class AuditCheckpoints {

	/** The logger that carries every checkpoint to the log stream. */
	public static final String LOGGER = "vaerdig.audit.checkpoint";

	private static final Logger stream = LoggerFactory.getLogger(LOGGER);

	private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

	private static final Pattern LINE = Pattern.compile(
			"audit-checkpoint v1 pos=(\\d+) hash=([0-9a-f]{64}) at=(\\S+) key=([A-Za-z0-9._-]+) mac=([0-9a-f]{64})");

	/** How much of the end of the file is read to find the latest checkpoint. */
	private static final int TAIL_BYTES = 64 * 1024;

	private final Path file;

	private final AuditKeys keys;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AuditAnchors anchors;

	public AuditCheckpoints(Path file, AuditKeys keys, JdbcClient jdbc, Clock clock, AuditAnchors anchors) {
		this.file = file;
		this.keys = keys;
		this.jdbc = jdbc;
		this.clock = clock;
		this.anchors = anchors;
	}

	/** One checkpoint: at chain position {@code pos} the hash was {@code hash}. */
	public record Checkpoint(long pos, String hash, Instant at, String keyId, String mac) {

		String line() {
			return "audit-checkpoint v1 pos=" + pos + " hash=" + hash + " at=" + at + " key=" + keyId + " mac=" + mac;
		}

		static String signedText(long pos, String hash, Instant at, String keyId) {
			return String.join("\u001f", "audit-checkpoint", "v1", Long.toString(pos), hash, at.toString(), keyId);
		}
	}

	/** The latest checkpoint whose signature holds, and whether lines that are no valid checkpoint follow it. */
	public record Latest(Optional<Checkpoint> checkpoint, boolean invalidLinesAfter) {
	}

	public Optional<Path> file() {
		return Optional.ofNullable(file);
	}

	/**
	 * Writes a checkpoint of the chain's head, unless the chain has not grown since the latest checkpoint, or the
	 * database no longer matches the latest checkpoint (then it logs an error and writes nothing, so a cut tail is not
	 * covered up by a new checkpoint). Returns the checkpoint written.
	 */
	public synchronized Optional<Checkpoint> write() {
		Optional<Checkpoint> head = jdbc.sql("SELECT pos, hash FROM audit_chain ORDER BY pos DESC LIMIT 1")
			.query((rs, n) -> new Checkpoint(rs.getLong("pos"), rs.getString("hash").strip(), null, null, null))
			.optional();
		if (head.isEmpty()) {
			return Optional.empty();
		}
		Latest latest = latest();
		if (latest.checkpoint().isPresent()) {
			Checkpoint last = latest.checkpoint().get();
			CheckpointCheck check = check(last);
			if (check != CheckpointCheck.MATCHES && check != CheckpointCheck.PRUNED) {
				log.error("The audit log in the database no longer matches the checkpoint of position {} ({}): "
						+ "no new checkpoint is written. Check the log at /admin/audit.", last.pos(), check);
				return Optional.empty();
			}
			if (last.pos() >= head.get().pos()) {
				return Optional.empty();
			}
		}
		Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		String keyId = keys.currentId();
		long pos = head.get().pos();
		String hash = head.get().hash();
		Checkpoint checkpoint = new Checkpoint(pos, hash, at, keyId,
				keys.mac(keyId, Checkpoint.signedText(pos, hash, at, keyId)));
		stream.info(checkpoint.line());
		if (file != null) {
			append(checkpoint.line() + "\n");
		}
		return Optional.of(checkpoint);
	}

	/** The latest valid checkpoint in the file (none without a file). */
	public Latest latest() {
		if (file == null || !Files.exists(file)) {
			return new Latest(Optional.empty(), false);
		}
		List<String> lines = tail();
		boolean invalidAfter = false;
		for (int i = lines.size() - 1; i >= 0; i--) {
			String line = lines.get(i).strip();
			if (line.isEmpty()) {
				continue;
			}
			Optional<Checkpoint> checkpoint = parse(line);
			if (checkpoint.isPresent()) {
				return new Latest(checkpoint, invalidAfter);
			}
			invalidAfter = true;
		}
		return new Latest(Optional.empty(), invalidAfter);
	}

	/**
	 * Whether the chain in the database still holds the checkpointed hash at the checkpointed position. A position that
	 * retention removed (at or before the latest anchor, all anchors holding) is passed: {@code PRUNED}, or compared
	 * with the anchor's hash where an anchor ends exactly there.
	 */
	public CheckpointCheck check(Checkpoint checkpoint) {
		Optional<String> hash = jdbc.sql("SELECT hash FROM audit_chain WHERE pos = ?")
			.param(checkpoint.pos())
			.query(String.class)
			.optional();
		if (hash.isEmpty()) {
			AuditAnchors.Check anchored = anchors.check();
			if (!anchored.intact() || checkpoint.pos() > anchored.startAfter()) {
				return CheckpointCheck.MISSING;
			}
			hash = jdbc.sql("SELECT hash FROM audit_anchor WHERE pos = ?")
				.param(checkpoint.pos())
				.query(String.class)
				.optional();
			if (hash.isEmpty()) {
				return CheckpointCheck.PRUNED;
			}
		}
		return hash.get().strip().equals(checkpoint.hash()) ? CheckpointCheck.MATCHES : CheckpointCheck.CHANGED;
	}

	Optional<Checkpoint> parse(String line) {
		Matcher m = LINE.matcher(line);
		if (!m.matches() || !keys.knows(m.group(4))) {
			return Optional.empty();
		}
		try {
			Checkpoint c = new Checkpoint(Long.parseLong(m.group(1)), m.group(2), Instant.parse(m.group(3)), m.group(4),
					m.group(5));
			String expected = keys.mac(c.keyId(), Checkpoint.signedText(c.pos(), c.hash(), c.at(), c.keyId()));
			return java.security.MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
					c.mac().getBytes(StandardCharsets.US_ASCII)) ? Optional.of(c) : Optional.empty();
		}
		catch (RuntimeException e) {
			return Optional.empty();
		}
	}

	private List<String> tail() {
		try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
			long length = raf.length();
			long start = Math.max(0, length - TAIL_BYTES);
			byte[] bytes = new byte[(int) (length - start)];
			raf.seek(start);
			raf.readFully(bytes);
			List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
			// a read that starts inside a line drops that first, partial line
			return start > 0 && !lines.isEmpty() ? lines.subList(1, lines.size()) : lines;
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot read the audit checkpoint file " + file + ": " + e.getMessage(), e);
		}
	}

	private void append(String line) {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.APPEND)) {
			channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
			channel.force(true);
		}
		catch (IOException e) {
			log.error("Cannot append to the audit checkpoint file {}: {}", file, e.getMessage());
		}
	}
}
