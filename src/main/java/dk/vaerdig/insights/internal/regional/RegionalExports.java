package dk.vaerdig.insights.internal.regional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import dk.vaerdig.insights.GoalMeasure;
import dk.vaerdig.insights.GoalMeasure.Count;
import dk.vaerdig.insights.GoalMeasure.Kind;
import dk.vaerdig.insights.internal.goals.Figure;
import dk.vaerdig.insights.internal.goals.Measures;
import dk.vaerdig.platform.JobCentre;
import dk.vaerdig.surveys.SurveySettings;

/**
 * The municipality's aggregated figures for the regional labour market council (RAR), in the documented, versioned
 * JSON format of {@code docs/rar-export.schema.json} (format {@value #FORMAT}, version {@value #VERSION}): every
 * registered measure over the period with its counts, value and 95 % interval, or only {@code "hidden": true} below the
 * anonymity threshold (the counts are then left out, not just the value). Reading exports back for the comparison
 * checks the format and version and recomputes every interval from the counts, so a hand-edited value is not trusted.
 */
@Service
public class RegionalExports {

	public static final String FORMAT = "vaerdig-rar-export";

	public static final int VERSION = 1;

	/** One measure in an export; the counts and figures are null when hidden. */
	public record MeasureFigure(String code, String kind, boolean hidden, Long events, Long base, Double value,
			Double low, Double high) {
	}

	public record Period(String from, String to) {
	}

	public record Export(String format, int version, String municipality, Period period, int anonymityThreshold,
			String generatedAt, List<MeasureFigure> measures) {

		/** The measure of that code, or null if this export has none. */
		public MeasureFigure measure(String code) {
			return measures.stream().filter(m -> code.equals(m.code())).findFirst().orElse(null);
		}
	}

	private final Measures measures;

	private final JobCentre jobCentre;

	private final SurveySettings settings;

	private final JsonMapper json;

	private final Clock clock;

	RegionalExports(Measures measures, JobCentre jobCentre, SurveySettings settings, JsonMapper json, Clock clock) {
		this.measures = measures;
		this.jobCentre = jobCentre;
		this.settings = settings;
		this.json = json;
		this.clock = clock;
	}

	public Export export(YearMonth from, YearMonth to) {
		int threshold = settings.anonymityThreshold();
		List<MeasureFigure> figures = new ArrayList<>();
		for (GoalMeasure m : measures.all()) {
			Count total = m.monthly(from, to).values().stream().reduce(new Count(0, 0), Count::plus);
			figures.add(figure(m.code(), m.kind(), Figure.of(m.kind(), total, threshold)));
		}
		return new Export(FORMAT, VERSION, jobCentre.contact(Locale.forLanguageTag("da")).municipality(),
				new Period(from.toString(), to.toString()), threshold,
				OffsetDateTime.now(clock).withNano(0).toString(), figures);
	}

	static MeasureFigure figure(String code, Kind kind, Figure f) {
		if (f.hidden()) {
			return new MeasureFigure(code, kind.name(), true, null, null, null, null, null);
		}
		return new MeasureFigure(code, kind.name(), false, f.events(), f.base(), round(f.value()), round(f.low()),
				round(f.high()));
	}

	private static double round(double v) {
		return Math.round(v * 100) / 100.0;
	}

	public byte[] json(Export export) {
		return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(export);
	}

	/**
	 * Reads an export, refusing another format or version, and recomputes each shown measure from its counts under the
	 * export's own threshold (at least ours): a measure whose counts are below it is hidden here too.
	 */
	public Export read(byte[] bytes) {
		Export e;
		try {
			e = json.readValue(bytes, Export.class);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("insights.rar.notAnExport");
		}
		if (e == null || !FORMAT.equals(e.format()) || e.version() != VERSION || e.measures() == null
				|| e.municipality() == null || e.municipality().isBlank()) {
			throw new IllegalArgumentException("insights.rar.notAnExport");
		}
		int threshold = Math.max(e.anonymityThreshold(), settings.anonymityThreshold());
		List<MeasureFigure> checked = new ArrayList<>();
		for (MeasureFigure m : e.measures()) {
			Kind kind;
			try {
				kind = Kind.valueOf(m.kind());
			}
			catch (RuntimeException ex) {
				throw new IllegalArgumentException("insights.rar.notAnExport");
			}
			if (m.hidden() || m.events() == null || m.base() == null || m.events() < 0 || m.base() < 0
					|| (kind == Kind.SHARE && m.events() > m.base())) {
				checked.add(new MeasureFigure(m.code(), kind.name(), true, null, null, null, null, null));
			}
			else {
				checked.add(figure(m.code(), kind, Figure.of(kind, new Count(m.events(), m.base()), threshold)));
			}
		}
		return new Export(e.format(), e.version(), e.municipality(), e.period(), threshold, e.generatedAt(), checked);
	}
}
