// Live word count under text fields with a word limit ("maks 50 ord").
document.addEventListener("input", (event) => {
  const field = event.target;
  const limit = Number(field.dataset.wordLimit);
  if (!limit) return;
  const counter = document.getElementById(field.id + "-count");
  const words = field.value.trim() ? field.value.trim().split(/\s+/).length : 0;
  counter.textContent = words + " av høyst " + limit + " ord";
  counter.classList.toggle("over-limit", words > limit);
});
