// Enhancement only: a print button for the meeting summary. Without JavaScript the browser's own print works.
document.addEventListener('click', function (e) {
  if (e.target && e.target.matches('[data-print]')) { window.print(); }
});
