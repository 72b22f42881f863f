package dk.vaerdig.employment.internal;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Distances between postal areas (great-circle, from their approximate centres), kept in memory. */
@Component
public class Geography {

	private final JdbcClient jdbc;

	private final Map<String, double[]> centres = new ConcurrentHashMap<>();

	Geography(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Known centres only, for tests and benchmarks. */
	static Geography of(Map<String, double[]> centres) {
		Geography g = new Geography(null);
		g.centres.putAll(centres);
		return g;
	}

	private Map<String, double[]> centres() {
		if (centres.isEmpty()) {
			jdbc.sql("SELECT code, lat, lon FROM postal_area").query(rs -> {
				centres.put(rs.getString("code"), new double[] { rs.getDouble("lat"), rs.getDouble("lon") });
			});
		}
		return centres;
	}

	/** Kilometres between two postal areas, if both are known. */
	public OptionalDouble km(String from, String to) {
		if (from == null || to == null) {
			return OptionalDouble.empty();
		}
		double[] a = centres().get(from);
		double[] b = centres().get(to);
		if (a == null || b == null) {
			return OptionalDouble.empty();
		}
		return OptionalDouble.of(haversine(a[0], a[1], b[0], b[1]));
	}

	static double haversine(double lat1, double lon1, double lat2, double lon2) {
		double dLat = Math.toRadians(lat2 - lat1);
		double dLon = Math.toRadians(lon2 - lon1);
		double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
				+ Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
		return 2 * 6371.0 * Math.asin(Math.sqrt(h));
	}
}
