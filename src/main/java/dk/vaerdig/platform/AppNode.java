package dk.vaerdig.platform;

import java.lang.management.ManagementFactory;
import java.util.Objects;
import java.util.UUID;

/**
 * The name of this app node among several behind a load balancer, written to rows that say which node holds or held
 * something (a batch audit's job, a scheduled job's run). One per application context, a bean: by default the JVM's
 * {@code pid@host} and a short random part, so a restarted node is a new node, and two application contexts in one
 * JVM (the tests' second node) are two nodes; {@code vaerdig.platform.node-name} sets it instead.
 */
public final class AppNode {

	private final String name;

	public AppNode(String name) {
		this.name = Objects.requireNonNull(name);
	}

	/** A new name: {@code pid@host/} and 8 random hex digits. */
	public static AppNode random() {
		return new AppNode(ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8));
	}

	public String name() {
		return name;
	}

	@Override
	public String toString() {
		return name;
	}
}
