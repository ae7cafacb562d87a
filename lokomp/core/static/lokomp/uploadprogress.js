// Upload progress for forms marked data-progress: the file is sent with XMLHttpRequest so
// the page can show how far it has come; the answer (the preview, or the form with its
// messages) then replaces the page, at the address the server answered from. Without
// JavaScript the form is posted as usual.
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("form[data-progress]")) return;
    var input = form.querySelector("input[type=file]");
    if (!input || !input.files.length || !window.FormData) return;
    event.preventDefault();
    var bar = form.querySelector("progress");
    var text = form.querySelector("[data-progress-text]");
    var label = text ? text.getAttribute("data-progress-text") : "";
    if (bar) bar.hidden = false;
    var request = new XMLHttpRequest();
    request.open("POST", form.getAttribute("action") || window.location.href);
    request.upload.addEventListener("progress", function (e) {
      if (!e.lengthComputable) return;
      var percent = Math.round((100 * e.loaded) / e.total);
      if (bar) bar.value = percent;
      if (text) text.textContent = label.replace("{n}", percent);
    });
    request.addEventListener("load", function () {
      document.open();
      document.write(request.responseText);
      document.close();
      if (request.responseURL) window.history.replaceState(null, "", request.responseURL);
    });
    request.addEventListener("error", function () {
      form.removeAttribute("data-progress");
      form.submit();
    });
    request.send(new FormData(form));
  });
})();
