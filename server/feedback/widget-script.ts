/**
 * The browser script served at /api/public/feedback.js. It sends feedback to POST
 * /api/public/scores with the project's public key (Bearer), and mounts a "Was this helpful?"
 * widget on every element with a data-driftwatch-trace-id attribute. Plain ES2017 without
 * dependencies, so any page can load it with one script tag.
 */
export const FEEDBACK_WIDGET_SCRIPT = `(function () {
  "use strict";
  var script = document.currentScript;
  var config = {
    baseUrl: (script && script.dataset.baseUrl) || (script ? new URL(script.src).origin : ""),
    publicKey: script ? script.dataset.publicKey : undefined,
  };

  function send(score) {
    if (!config.publicKey) return Promise.reject(new Error("Driftwatch: data-public-key is missing"));
    return fetch(config.baseUrl + "/api/public/scores", {
      method: "POST",
      headers: {
        authorization: "Bearer " + config.publicKey,
        "content-type": "application/json",
      },
      body: JSON.stringify(score),
    }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) throw new Error("Driftwatch feedback failed: " + body.message);
        return body;
      });
    });
  }

  function helpful(traceId, isHelpful, options) {
    options = options || {};
    return send({
      traceId: traceId,
      observationId: options.observationId,
      name: options.name || "helpful",
      dataType: "BOOLEAN",
      value: isHelpful ? 1 : 0,
      comment: options.comment,
    });
  }

  function rate(traceId, value, options) {
    options = options || {};
    return send({
      traceId: traceId,
      observationId: options.observationId,
      name: options.name || "rating",
      dataType: "NUMERIC",
      value: value,
      comment: options.comment,
    });
  }

  function button(label, text) {
    var element = document.createElement("button");
    element.type = "button";
    element.textContent = text;
    element.setAttribute("aria-label", label);
    element.style.cssText = "margin-left:6px;cursor:pointer;font:inherit;";
    return element;
  }

  function mount(element) {
    if (element.dataset.driftwatchMounted) return;
    element.dataset.driftwatchMounted = "true";
    var traceId = element.dataset.driftwatchTraceId;
    var observationId = element.dataset.driftwatchObservationId;
    var question = document.createElement("span");
    question.textContent = element.dataset.driftwatchQuestion || "Was this helpful?";
    var yes = button("Yes, helpful", "\\u{1F44D}");
    var no = button("No, not helpful", "\\u{1F44E}");
    function answer(isHelpful) {
      yes.disabled = true;
      no.disabled = true;
      helpful(traceId, isHelpful, { observationId: observationId }).then(
        function () { element.textContent = "Thanks for your feedback."; },
        function () {
          yes.disabled = false;
          no.disabled = false;
          question.textContent = "Sending failed; please try again.";
        }
      );
    }
    yes.addEventListener("click", function () { answer(true); });
    no.addEventListener("click", function () { answer(false); });
    element.replaceChildren(question, yes, no);
  }

  function mountAll() {
    document.querySelectorAll("[data-driftwatch-trace-id]").forEach(mount);
  }

  window.DriftwatchFeedback = { config: config, send: send, helpful: helpful, rate: rate, mount: mount, mountAll: mountAll };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
  else mountAll();
})();
`;
