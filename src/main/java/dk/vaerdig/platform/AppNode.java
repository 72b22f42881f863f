package dk.vaerdig.platform;

import java.lang.management.ManagementFactory;
import java.util.UUID;

/**
 * The name of this app node (process) among several behind a load balancer: the JVM's {@code pid@host} and a short
 * random part, so a restarted node is a new node. Written to rows that say which node holds or held something.
 */
public final class AppNode {

	private static final String NAME = ManagementFactory.getRuntimeMXBean().getName() + "/"
			+ UUID.randomUUID().toString().substring(0, 8);

	private AppNode() {
	}

	public static String name() {
		return NAME;
	}
}
