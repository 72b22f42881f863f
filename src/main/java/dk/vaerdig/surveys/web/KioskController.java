package dk.vaerdig.surveys.web;

import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import dk.vaerdig.access.NoPersonalData;
import dk.vaerdig.surveys.internal.Kiosks;

/**
 * The kiosk's welcome screen (public, no personal data, refreshes itself) and the staff page that hands a held
 * meeting's questionnaire to a kiosk.
 */
@NoPersonalData("kiosk screens and the list of kiosks; no candidate")
@Controller
class KioskController {

	private final Kiosks kiosks;

	KioskController(Kiosks kiosks) {
		this.kiosks = kiosks;
	}

	/** The welcome screen; when a questionnaire waits, the kiosk goes straight to it. */
	@GetMapping("/kiosk/{key}")
	String welcome(@PathVariable String key, Model model) {
		var waiting = waitingUrl(key);
		if (waiting.isPresent()) {
			return "redirect:" + waiting.get();
		}
		model.addAttribute("key", key);
		return "surveys/kiosk";
	}

	/** Polled by the welcome screen: an htmx redirect when a questionnaire waits, else nothing. */
	@GetMapping("/kiosk/{key}/next")
	ResponseEntity<Void> next(@PathVariable String key) {
		return waitingUrl(key).map(url -> ResponseEntity.ok().header("HX-Redirect", url).<Void>build())
			.orElseGet(() -> ResponseEntity.noContent().build());
	}

	private Optional<String> waitingUrl(String key) {
		var kiosk = kiosks.byKey(key).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return kiosks.waitingToken(kiosk)
			.map(t -> UriComponentsBuilder.fromPath("/s/{token}").queryParam("kiosk", key).buildAndExpand(t).toUriString());
	}

	@GetMapping("/surveys/kiosks")
	String list(@RequestParam(required = false) Long meeting, Model model) {
		kiosks.checkStaff();
		model.addAttribute("kiosks", kiosks.all());
		model.addAttribute("meeting", meeting);
		return "surveys/kiosks";
	}

	@PostMapping("/surveys/kiosks/{id}/hand-over")
	String handOver(@PathVariable long id, @RequestParam long meeting, RedirectAttributes redirect) {
		if (kiosks.handOver(id, meeting)) {
			redirect.addFlashAttribute("flash", "surveys.kiosks.handedOver");
		}
		else {
			redirect.addFlashAttribute("flashError", "surveys.kiosks.noInvitation");
		}
		return "redirect:/surveys/kiosks?meeting=" + meeting;
	}
}
