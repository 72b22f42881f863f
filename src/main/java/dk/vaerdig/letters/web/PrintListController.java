package dk.vaerdig.letters.web;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.NoPersonalData;
import dk.vaerdig.access.Permission;
import dk.vaerdig.access.PersonalDataReads;
import dk.vaerdig.access.ReadsPersonalData;
import dk.vaerdig.access.RequiresPermission;
import dk.vaerdig.access.StaffDirectory;
import dk.vaerdig.casework.Casework;
import dk.vaerdig.letters.internal.LetterRouting;
import dk.vaerdig.letters.internal.LetterSending;
import dk.vaerdig.platform.NotFoundOrNoAccess;

/**
 * The print list: letters to candidates who chose a paper letter wait here until a member of staff has printed and
 * posted them. Each letter opens by the case rule (the read logged); the list shows only cases the user may open.
 */
@Controller
@RequiresPermission(Permission.SEND_LETTERS)
class PrintListController {

	/** A row of the list: the letter and the candidate's name. */
	record Row(LetterRouting.Printable letter, String candidate) {
	}

	private final LetterRouting routing;

	private final LetterSending sending;

	private final Casework casework;

	private final StaffDirectory staff;

	private final PersonalDataReads reads;

	private final Clock clock;

	PrintListController(LetterRouting routing, LetterSending sending, Casework casework, StaffDirectory staff,
			PersonalDataReads reads, Clock clock) {
		this.routing = routing;
		this.sending = sending;
		this.casework = casework;
		this.staff = staff;
		this.reads = reads;
		this.clock = clock;
	}

	@ReadsPersonalData(AuditAction.VIEW_LIST)
	@GetMapping("/letters/print")
	String list(Model model) {
		List<LetterRouting.Printable> waiting = routing.waiting(staff.currentStaff().teamScope(), 200);
		var names = casework.namesVisibleToMe(waiting.stream().map(LetterRouting.Printable::candidateId).toList());
		Set<Long> visible = names.keySet();
		List<Row> rows = waiting.stream()
			.filter(p -> visible.contains(p.candidateId()))
			.map(p -> new Row(p, names.get(p.candidateId())))
			.toList();
		reads.shown(rows.stream().map(r -> r.letter().candidateId()).toList());
		model.addAttribute("rows", rows);
		return "letters/print";
	}

	@ReadsPersonalData(AuditAction.VIEW_DOCUMENT)
	@GetMapping("/letters/print/{letterId}")
	String letter(@PathVariable long letterId, Model model) {
		LetterRouting.Printable printable = routing.printable(letterId).orElseThrow(NotFoundOrNoAccess::new);
		casework.open(printable.candidateId(), "paper letter " + letterId); // records the read
		reads.shown(printable.candidateId());
		model.addAttribute("printable", printable);
		model.addAttribute("letter", sending.find(letterId).orElseThrow(NotFoundOrNoAccess::new));
		return "letters/print-letter";
	}

	@NoPersonalData("marks a paper letter printed and redirects; opening the case is logged by Casework.open")
	@PostMapping("/letters/print/{letterId}/printed")
	String printed(@PathVariable long letterId, RedirectAttributes redirect) {
		LetterRouting.Printable printable = routing.printable(letterId).orElseThrow(NotFoundOrNoAccess::new);
		casework.open(printable.candidateId(), "paper letter " + letterId + " printed");
		routing.printed(letterId, staff.currentStaff().username(), clock.instant());
		redirect.addFlashAttribute("flash", "letters.print.marked");
		return "redirect:/letters/print";
	}
}
