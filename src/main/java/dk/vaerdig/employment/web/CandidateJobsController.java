package dk.vaerdig.employment.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.NoPersonalData;
import dk.vaerdig.access.ReadsPersonalData;
import dk.vaerdig.access.StaffDirectory;
import dk.vaerdig.casework.CandidateSummary;
import dk.vaerdig.casework.Casework;
import dk.vaerdig.employment.internal.Jobdatings;
import dk.vaerdig.employment.internal.Openings;
import dk.vaerdig.employment.internal.Profiles;
import dk.vaerdig.employment.web.EmploymentForms.CompetenceForm;
import dk.vaerdig.employment.web.EmploymentForms.WishForm;

/** A candidate's competences and wishes, the openings that match, and the proposals with the candidate's answers. */
@Controller
@RequestMapping("/cases/{id}/employment")
class CandidateJobsController {

	private final Casework casework;

	private final Profiles profiles;

	private final Openings openings;

	private final StaffDirectory staff;

	private final Jobdatings jobdatings;

	CandidateJobsController(Casework casework, Profiles profiles, Openings openings, StaffDirectory staff,
			Jobdatings jobdatings) {
		this.jobdatings = jobdatings;
		this.casework = casework;
		this.profiles = profiles;
		this.openings = openings;
		this.staff = staff;
	}

	@ReadsPersonalData(value = AuditAction.VIEW_CASE, candidate = "id")
	@GetMapping
	String page(@PathVariable long id, Model model, Locale locale) {
		CandidateSummary c = casework.open(id, "competences and jobs");
		var wish = profiles.wish(id);
		model.addAttribute("competenceForm", new CompetenceForm("", "", false, null, ""));
		model.addAttribute("wishForm", new WishForm(wish.occupationCodes(), wish.hoursPerWeek(), wish.postalCode(),
				wish.maxCommuteKm(), wish.accommodations(), wish.version()));
		return render(c, model, locale);
	}

	private String render(CandidateSummary c, Model model, Locale locale) {
		model.addAttribute("candidate", c);
		// the complaint handler reads the case's jobs but gets no forms, nor does anyone on a closed course
		model.addAttribute("mayChange", casework.mayChangeCase(c.id()));
		model.addAttribute("competences", profiles.competences(c.id(), locale));
		model.addAttribute("occupationGroups", profiles.occupationGroups(locale));
		model.addAttribute("sources", Profiles.Source.values());
		model.addAttribute("matches", openings.forCandidate(profiles.profile(c.id(), c.firstName()), locale, 20));
		model.addAttribute("proposals", openings.proposals(c.id()));
		model.addAttribute("jobdatings", jobdatings.all().stream().filter(e -> e.startsAt().isAfter(Instant.now())).toList());
		return "employment/candidate";
	}

	@ReadsPersonalData(value = AuditAction.VIEW_CASE, candidate = "id")
	@PostMapping("/competences")
	String addCompetence(@PathVariable long id, @Valid @ModelAttribute("competenceForm") CompetenceForm form,
			BindingResult errors, Model model, Locale locale, RedirectAttributes redirect) {
		CandidateSummary c = casework.openForChange(id, "add competence");
		if (form.occupationCode() != null && !form.occupationCode().isBlank() && !profiles.occupationExists(form.occupationCode())) {
			errors.rejectValue("occupationCode", "form.invalidChoice");
		}
		if (errors.hasErrors()) {
			var wish = profiles.wish(id);
			model.addAttribute("wishForm", new WishForm(wish.occupationCodes(), wish.hoursPerWeek(), wish.postalCode(),
					wish.maxCommuteKm(), wish.accommodations(), wish.version()));
			return render(c, model, locale);
		}
		profiles.addCompetence(id, form.occupationCode(), form.skill(), Boolean.TRUE.equals(form.hidden()), form.source(),
				form.evidence(), staff.currentStaff().username());
		redirect.addFlashAttribute("flash", "employment.competence.saved");
		return "redirect:/cases/" + id + "/employment";
	}

	@ReadsPersonalData(value = AuditAction.VIEW_CASE, candidate = "id")
	@PostMapping("/wishes")
	String saveWishes(@PathVariable long id, @Valid @ModelAttribute("wishForm") WishForm form, BindingResult errors,
			Model model, Locale locale, RedirectAttributes redirect) {
		CandidateSummary c = casework.openForChange(id, "job wishes");
		List<String> codes = form.occupationCodes() == null ? List.of() : form.occupationCodes();
		if (codes.stream().anyMatch(code -> !profiles.occupationExists(code))) {
			errors.rejectValue("occupationCodes", "form.invalidChoice");
		}
		if (form.postalCode() != null && !form.postalCode().isBlank() && !profiles.postalCodeExists(form.postalCode())) {
			errors.rejectValue("postalCode", "employment.form.postalUnknown");
		}
		if (!errors.hasErrors()) {
			try {
				profiles.saveWish(id, new Profiles.Wish(codes, form.hoursPerWeek(), form.postalCode(), form.maxCommuteKm(),
						form.accommodations(), 0), form.version() == null ? -1 : form.version(), staff.currentStaff().username());
				redirect.addFlashAttribute("flash", "employment.wish.saved");
				return "redirect:/cases/" + id + "/employment";
			}
			catch (OptimisticLockingFailureException e) {
				errors.reject("form.conflict");
			}
		}
		model.addAttribute("competenceForm", new CompetenceForm("", "", false, null, ""));
		// a word where a number belongs: the binder gives the handler the form (that field empty) and keeps the
		// rejected text in its errors, but leaves the model attribute empty, which the page needs; putting the form
		// back drops the errors from the model, so they go back after it
		if (model.getAttribute("wishForm") == null) {
			model.addAttribute("wishForm", form);
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "wishForm", errors);
		}
		return render(c, model, locale);
	}

	@NoPersonalData("always redirects; shows nothing")
	@PostMapping("/proposals")
	String propose(@PathVariable long id, @RequestParam long openingId, @RequestParam int score,
			RedirectAttributes redirect) {
		casework.openForChange(id, "job proposal");
		openings.propose(id, openingId, score, staff.currentStaff().username());
		redirect.addFlashAttribute("flash", "employment.proposal.saved");
		return "redirect:/cases/" + id + "/employment#proposals";
	}

	@NoPersonalData("always redirects; shows nothing")
	@PostMapping("/proposals/{proposalId}/answer")
	String answer(@PathVariable long id, @PathVariable long proposalId, @RequestParam String answer,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		casework.openForChange(id, "answer to job proposal");
		boolean ok = ("INTERESTED".equals(answer) || "DECLINED".equals(answer))
				&& (note == null || note.length() <= 1000) && openings.answer(id, proposalId, answer, note);
		redirect.addFlashAttribute(ok ? "flash" : "flashError", ok ? "employment.proposal.answered" : "employment.proposal.notOpen");
		return "redirect:/cases/" + id + "/employment#proposals";
	}
}
