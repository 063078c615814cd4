// The one thing the page needs from script besides Blazor: bring an editor's line into view
// (an explanation's cited line). Line heights are fixed by the style sheet (20px).
export function scrollToLine(box, line) {
  const target = box.querySelectorAll('.shade .line')[line - 1];
  if (target) box.scrollTop = Math.max(0, target.offsetTop - box.clientHeight / 3);
}
