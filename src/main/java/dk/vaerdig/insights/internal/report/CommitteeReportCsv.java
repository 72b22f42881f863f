package dk.vaerdig.insights.internal.report;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import dk.vaerdig.complaints.ComplaintFigures.LearningSummary;
import dk.vaerdig.insights.internal.Rate;
import dk.vaerdig.insights.internal.goals.Figure;
import dk.vaerdig.insights.internal.goals.GoalProgress.Progress;
import dk.vaerdig.insights.internal.report.CommitteeReports.DialogueSummary;
import dk.vaerdig.insights.internal.report.CommitteeReports.Report;
import dk.vaerdig.insights.internal.report.CommitteeReports.ThemeOutcome;
import dk.vaerdig.platform.CsvWriter;

/**
 * The committee's report as a CSV of its tables, from the same {@link Report} as the page and the PDF, so every figure
 * is the page's and every cell the page hides (the anonymity threshold and its complement) is hidden here too: its
 * figures empty and the page's "too few to show" text in the note column. Each section starts with a row holding only
 * its heading. UTF-8 with a byte-order mark and {@link CsvWriter}'s quoting, as the other exports (formula-safe).
 */
@Service
public class CommitteeReportCsv {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

	private final MessageSource messages;

	CommitteeReportCsv(MessageSource messages) {
		this.messages = messages;
	}

	public byte[] csv(Report r, Locale locale) {
		Lines out = new Lines(locale);
		out.row(out.text("insights.report.csv.col.section"), out.text("insights.report.csv.col.row"),
				out.text("insights.report.csv.col.measure"), out.text("insights.report.csv.col.value"),
				out.text("insights.report.csv.col.low"), out.text("insights.report.csv.col.high"),
				out.text("insights.report.csv.col.n"), out.text("insights.report.csv.col.note"));

		out.section("insights.report.dignity");
		String positive = out.text("insights.report.positive");
		String responseRate = out.text("insights.report.col.responseRate");
		if (r.dignity().totalHidden()) {
			out.hidden("", positive);
			out.hidden("", responseRate);
		}
		else {
			out.rate("", positive, r.dignity().positive());
			out.rate("", responseRate, r.dignity().responseRate());
		}
		String share = out.text("insights.report.col.positive");
		for (var q : r.dignity().questions()) {
			out.rate(q.text(), share, q.satisfied());
		}
		for (var m : r.dignity().months()) {
			out.rate(m.label(), positive, m.satisfied());
			out.rate(m.label(), responseRate, m.responseRate());
		}

		out.section("insights.report.youSaid");
		for (var i : r.improvements()) {
			out.data(i.youSaid(), i.weDid(), "", "", "", "", "");
		}

		out.section("insights.report.timeliness");
		out.figure("", out.text("insights.measure.MEETINGS_ON_TIME"), r.meetingsOnTime());

		out.section("insights.report.reform");
		out.figure("", out.text("insights.measure.REFORM_75_RULE_MET"), r.reformRuleMet());
		out.figure("", out.text("insights.measure.REFORM_EXEMPTED"), r.reformExempted());

		out.section("insights.report.complaints");
		out.figure("", out.text("insights.measure.COMPLAINTS_PER_1000_MEETINGS"), r.complaintsPerThousand());
		for (LearningSummary l : r.learning()) {
			String effect = l.effect() == null ? out.text("insights.report.effectNotYet")
					: out.text("complaints.learning.effect." + l.effect());
			out.data(l.theme(), l.title(), out.text("complaints.learning.status." + l.status()), "", "", "", effect);
		}

		out.section("insights.report.handovers");
		String inTime = out.text("insights.report.handoversInTime");
		out.rate("", inTime, r.handovers().total());
		for (var h : r.handovers().cells()) {
			out.rate(h.label(), inTime, h.inTime());
		}

		out.section("insights.report.outcomes");
		if (r.outcomes().hidden()) {
			out.data("", "", "", "", "", "", out.text("insights.outcomes.tooFew"));
		}
		else {
			out.data("", out.text("insights.report.csv.closed"), r.outcomes().courses(), "", "", "", "");
			out.rate("", out.text("insights.outcomes.job"), r.outcomes().job());
			out.rate("", out.text("insights.outcomes.back3"), r.outcomes().back3());
			out.rate("", out.text("insights.outcomes.back12"), r.outcomes().back12());
		}

		out.section("insights.report.goals");
		for (Progress p : r.goals()) {
			String goal = p.goal().title() + " (" + out.text("insights.goals.direction." + p.goal().direction()) + " "
					+ p.goal().shownTarget() + " " + out.text("insights.goals.unitName." + p.measure().kind()) + ")";
			Figure f = p.yearSoFar();
			out.figure(goal, out.text("insights.goals.yearSoFar"), f);
			out.data(goal, out.text("insights.goals.col.status"), out.text("insights.goals.status." + p.status()), "", "",
					"", "");
		}

		out.section("insights.report.dialogue");
		for (DialogueSummary d : r.dialogue()) {
			String meeting = DATE.format(d.date()) + ", " + d.place();
			if (d.cameHidden()) {
				out.data(meeting, out.text("insights.report.csv.came"), "", "", "", "", out.text("insights.report.tooFew"));
			}
			else {
				out.data(meeting, out.text("insights.report.csv.came"), d.came(), "", "", "", "");
			}
			for (ThemeOutcome t : d.themes()) {
				out.data(meeting, t.theme(), t.learningAction() == null ? "" : t.learningAction(), "", "", "",
						t.learningStatus() == null ? "" : out.text("complaints.learning.status." + t.learningStatus()));
			}
		}
		return ("\uFEFF" + out.csv).getBytes(StandardCharsets.UTF_8);
	}

	/** The lines of the file, eight cells each. */
	private final class Lines {

		private final Locale locale;

		private final StringBuilder csv = new StringBuilder();

		private String section = "";

		Lines(Locale locale) {
			this.locale = locale;
		}

		String text(String key) {
			return messages.getMessage(key, null, key, locale);
		}

		/** A row of the current section: its seven cells after the section's name. */
		void data(Object... cells) {
			List<Object> all = new ArrayList<>();
			all.add(section);
			all.addAll(Arrays.asList(cells));
			row(all.toArray());
		}

		void row(Object... cells) {
			csv.append(CsvWriter.row(Arrays.asList(cells)));
		}

		/** The row that opens a section: its heading alone. */
		void section(String key) {
			section = text(key);
			row(section, "", "", "", "", "", "", "");
		}

		void hidden(String label, String measure) {
			row(section, label, measure, "", "", "", "", text("insights.report.tooFew"));
		}

		void rate(String label, String measure, Rate rate) {
			if (rate.hidden()) {
				hidden(label, measure);
				return;
			}
			List<Object> cells = new ArrayList<>(List.of(section, label, measure, rate.percent(), rate.lowPercent(),
					rate.highPercent(), rate.n(), ""));
			row(cells.toArray());
		}

		void figure(String label, String measure, Figure f) {
			if (f.hidden()) {
				hidden(label, measure);
				return;
			}
			row(section, label, measure, f.shown(), f.shownLow(), f.shownHigh(), f.base(), "");
		}
	}
}
