// Kiosk mode: after a while without input the tablet goes back to its welcome screen, so the next person never sees
// what someone else was filling in. Only an enhancement: without JavaScript the welcome screen reloads itself.
(function () {
  var holder = document.querySelector('[data-kiosk-home]');
  if (!holder) { return; }
  var home = holder.getAttribute('data-kiosk-home');
  var seconds = parseInt(holder.getAttribute('data-idle-seconds') || '90', 10);
  var timer;
  function reset() {
    clearTimeout(timer);
    timer = setTimeout(function () { window.location.replace(home); }, seconds * 1000);
  }
  ['input', 'change', 'click', 'keydown', 'touchstart'].forEach(function (type) {
    document.addEventListener(type, reset, { passive: true });
  });
  reset();
})();
