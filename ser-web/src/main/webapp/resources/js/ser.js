/* SER pages: a busy state while a form is analysed, and recording in the browser. No inline script. */
(function () {
  "use strict";

  // An empty file, or one over the server's limit, is refused here, before anything is sent.
  document.querySelectorAll("input[type=file][data-max-bytes]").forEach(function (input) {
    var max = Number(input.getAttribute("data-max-bytes"));
    var message = document.createElement("p");
    message.className = "message error";
    message.id = input.id + "-too-large";
    message.setAttribute("role", "alert");
    message.hidden = true;
    input.closest("label, div").insertAdjacentElement("afterend", message);
    input.form.addEventListener("submit", function (event) {
      var file = input.files && input.files[0];
      var problem = null;
      if (file && file.size === 0) {
        problem = "The file is empty (0 bytes): record or choose the audio again.";
      } else if (file && max > 0 && file.size > max) {
        problem = "That file is " + (file.size / 1048576).toFixed(1) +
          " MB; the limit is " + Math.floor(max / 1048576) + " MB. Send a shorter clip.";
      }
      if (problem) {
        event.preventDefault();
        event.stopImmediatePropagation();
        message.textContent = problem;
        message.hidden = false;
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", message.id);
        input.focus();
      } else {
        message.hidden = true;
        input.removeAttribute("aria-invalid");
      }
    }, true);
  });

  // A button that deletes something asks first, naming what goes.
  document.querySelectorAll("[data-confirm]").forEach(function (button) {
    button.addEventListener("click", function (event) {
      if (!window.confirm(button.getAttribute("data-confirm"))) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    });
  });

  // A share link just made is selected, ready to copy, and selected again when clicked.
  var shareLink = document.getElementById("share-link");
  if (shareLink) {
    shareLink.addEventListener("focus", function () { shareLink.select(); });
    shareLink.scrollIntoView({ block: "center" });
    shareLink.focus();
  }

  // While one analysis is sent, nothing else starts: the record button waits too.
  document.querySelectorAll("form[data-busy]").forEach(function (form) {
    form.addEventListener("submit", function () {
      form.classList.add("is-busy");
      var record = document.getElementById("record-start");
      if (record) {
        record.disabled = true;
      }
    });
  });

  // The file field's box takes a dropped file, and says which file is chosen.
  var drop = document.getElementById("drop");
  if (drop) {
    var fileInput = drop.querySelector("input[type=file]");
    var dropText = document.getElementById("drop-text");
    var showChosen = function () {
      var file = fileInput.files && fileInput.files[0];
      dropText.textContent = file ? "Chosen: " + file.name : "Choose a recording, or drop it here";
    };
    fileInput.addEventListener("change", showChosen);
    ["dragenter", "dragover"].forEach(function (type) {
      drop.addEventListener(type, function (event) {
        event.preventDefault();
        drop.classList.add("is-over");
      });
    });
    ["dragleave", "drop"].forEach(function (type) {
      drop.addEventListener(type, function () { drop.classList.remove("is-over"); });
    });
    drop.addEventListener("drop", function (event) {
      event.preventDefault();
      if (event.dataTransfer && event.dataTransfer.files.length > 0) {
        var files = new DataTransfer();
        files.items.add(event.dataTransfer.files[0]);
        fileInput.files = files.files;
        showChosen();
      }
    });
  }

  // An upload shows how much is sent ("Uploading 42 %"), then "Analysing…" while the server works.
  // The form is posted as it would be, with XMLHttpRequest for its progress events: a redirect to
  // the result is followed, any other answer (a message on this page, an error page) replaces it.
  document.querySelectorAll("form[data-progress]").forEach(function (form) {
    var status = document.getElementById("upload-status");
    var bar = document.getElementById("upload-progress");
    form.addEventListener("submit", function (event) {
      if (event.defaultPrevented || !window.FormData || !window.XMLHttpRequest) return;
      event.preventDefault();
      var data = new FormData(form);
      var button = event.submitter || form.querySelector("input[type=submit]");
      if (button && button.name) data.append(button.name, button.value);
      var request = new XMLHttpRequest();
      request.open("POST", form.action);
      request.upload.onprogress = function (progress) {
        if (!progress.lengthComputable) return;
        var percent = Math.floor((100 * progress.loaded) / progress.total);
        bar.hidden = false;
        bar.value = percent;
        status.textContent = "Uploading " + percent + " %";
      };
      request.upload.onload = function () {
        bar.hidden = true;
        status.textContent = "Analysing…";
      };
      request.onload = function () {
        var action = new URL(form.action, location.href).href;
        if (request.responseURL && request.responseURL !== action && request.status < 400) {
          location.href = request.responseURL;
          return;
        }
        document.open();
        document.write(request.responseText);
        document.close();
      };
      request.onerror = function () {
        form.classList.remove("is-busy");
        bar.hidden = true;
        status.textContent = "Analysing…";
        var record = document.getElementById("record-start");
        if (record) record.disabled = false;
        var message = document.getElementById("upload-failed");
        message.textContent = "The upload did not reach the server (the connection dropped); try again.";
        message.hidden = false;
        message.focus();
      };
      request.send(data);
    });
  });

  // Times are written in UTC by the server; the reader sees them in their own time zone, UTC on hover.
  if (window.Intl && Intl.DateTimeFormat) {
    var local = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
    document.querySelectorAll("time.local-time[datetime]").forEach(function (time) {
      var at = new Date(time.getAttribute("datetime"));
      if (isNaN(at.getTime())) return;
      time.title = time.textContent;
      time.textContent = local.format(at);
    });
  }

  // A timeline band or a speech stretch plays the recording from where it starts; one playhead
  // moves over the timeline, the waveform and the spectrogram, and a click on a picture seeks.
  var player = document.getElementById("player");
  if (player) {
    var spans = document.querySelectorAll("[data-playhead-seconds]");
    var movePlayheads = function () {
      spans.forEach(function (span) {
        var seconds = Number(span.getAttribute("data-playhead-seconds"));
        var head = span.querySelector(".playhead");
        var inside = seconds > 0 && player.currentTime <= seconds && (player.currentTime > 0 || !player.paused);
        head.hidden = !inside;
        if (inside) head.style.left = (100 * player.currentTime / seconds) + "%";
      });
    };
    ["timeupdate", "seeked", "play"].forEach(function (type) {
      player.addEventListener(type, movePlayheads);
    });
    document.querySelectorAll(".picture[data-playhead-seconds] img").forEach(function (img) {
      img.addEventListener("click", function (event) {
        var box = img.getBoundingClientRect();
        var seconds = Number(img.parentNode.getAttribute("data-playhead-seconds"));
        player.currentTime = seconds * (event.clientX - box.left) / box.width;
        movePlayheads();
      });
    });
    document.querySelectorAll("[data-start]").forEach(function (button) {
      button.addEventListener("click", function () {
        player.currentTime = Number(button.getAttribute("data-start"));
        var playing = player.play();
        if (playing && playing.catch) playing.catch(function () {});
      });
    });
  }

  // History while a batch is analysed: reload until its jobs are done.
  if (document.getElementById("jobs-running")) {
    setTimeout(function () { location.reload(); }, 3000);
  }

  var recorder = document.getElementById("recorder");
  if (!recorder) {
    return;
  }
  var startButton = document.getElementById("record-start");
  var stopButton = document.getElementById("record-stop");
  var elapsed = document.getElementById("record-elapsed");
  var level = document.getElementById("record-level");
  var error = document.getElementById("record-error");
  var maxSeconds = Number(recorder.getAttribute("data-max-seconds")) || 30;
  var state = null;

  function fail(text) {
    error.textContent = text;
    error.hidden = false;
    startButton.disabled = false;
    stopButton.disabled = true;
  }

  function pickType() {
    var types = ["audio/webm;codecs=opus", "audio/webm", "audio/ogg;codecs=opus", "audio/mp4"];
    for (var i = 0; i < types.length; i++) {
      if (window.MediaRecorder && MediaRecorder.isTypeSupported(types[i])) {
        return types[i];
      }
    }
    return "";
  }

  function extensionOf(type) {
    if (type.indexOf("ogg") >= 0) return "ogg";
    if (type.indexOf("mp4") >= 0) return "m4a";
    return "webm";
  }

  /* The recording goes through the same form as an uploaded file, so it gets the same checks. */
  function submit(blob, type) {
    var input = document.getElementById("upload:file");
    var file = new File([blob], "recording." + extensionOf(type), { type: type || blob.type });
    var files = new DataTransfer();
    files.items.add(file);
    input.files = files.files;
    document.getElementById("upload:source").value = "record";
    document.getElementById("upload:analyse").click();
  }

  function stop() {
    if (!state) return;
    clearInterval(state.timer);
    cancelAnimationFrame(state.frame);
    if (state.media.state !== "inactive") state.media.stop();
    state.stream.getTracks().forEach(function (track) { track.stop(); });
    state.audio.close();
    stopButton.disabled = true;
  }

  /* Live mode: PCM from an AudioWorklet over the WebSocket, an update every second. */
  var liveBox = document.getElementById("record-live");
  var livePanel = document.getElementById("live");
  var liveNow = document.getElementById("live-now");
  var liveStrip = document.getElementById("live-strip");
  var liveFinal = document.getElementById("live-final");
  var liveConfidence = document.getElementById("live-confidence");
  var liveMaxSeconds = Number(recorder.getAttribute("data-live-max-seconds")) || 1800;
  var STRIP_SECONDS = 30;
  var live = null;

  function percent(value) {
    return Math.round(value * 100) + " %";
  }

  /* Only a change of emotion is announced; the confidence changes every second, silently. */
  function say(now, confidence) {
    if (liveNow.textContent !== now) liveNow.textContent = now;
    liveConfidence.textContent = confidence;
  }

  function showUpdate(update) {
    var bar = document.createElement("span");
    if (update.speech) {
      bar.className = "live-bar fill-" + update.emotion;
      bar.style.height = Math.max(8, Math.round(update.confidence * 100)) + "%";
      bar.title = update.t.toFixed(0) + " s: " + update.emotion + " " + percent(update.confidence);
      say(update.emotion, percent(update.confidence));
    } else {
      bar.className = "live-bar pause";
      bar.title = update.t.toFixed(0) + " s: nobody speaking";
      say("nobody speaking", "");
    }
    liveStrip.appendChild(bar);
    while (liveStrip.children.length > STRIP_SECONDS) liveStrip.removeChild(liveStrip.firstChild);
  }

  function stopLiveAudio() {
    if (!live) return;
    clearInterval(live.timer);
    cancelAnimationFrame(live.frame);
    if (live.node) live.node.disconnect();
    live.stream.getTracks().forEach(function (track) { track.stop(); });
    live.audio.close();
    stopButton.disabled = true;
  }

  function endLive() {
    if (!live || live.ending) return;
    live.ending = true;
    stopLiveAudio();
    say("finishing…", "");
    if (live.socket.readyState === WebSocket.OPEN) live.socket.send(JSON.stringify({ end: true }));
  }

  function failLive(text) {
    if (live) {
      live.failed = true;
      stopLiveAudio();
      if (live.socket.readyState <= WebSocket.OPEN) live.socket.close();
      live = null;
    }
    say("stopped", "");
    fail(text);
  }

  function startLive() {
    if (!window.AudioWorkletNode || !window.WebSocket) {
      fail("This browser cannot stream audio; record without live mode, or upload a file.");
      return;
    }
    startButton.disabled = true;
    liveStrip.textContent = "";
    liveFinal.hidden = true;
    say("listening…", "");
    livePanel.hidden = false;
    navigator.mediaDevices.getUserMedia({ audio: true }).then(function (stream) {
      var audio = new AudioContext();
      var url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host +
        recorder.getAttribute("data-live-url");
      var socket = new WebSocket(url);
      socket.binaryType = "arraybuffer";
      live = { stream: stream, audio: audio, socket: socket, started: performance.now() };
      var current = live;
      socket.onmessage = function (event) {
        var message = JSON.parse(event.data);
        if (message.error) {
          failLive(message.message);
        } else if (message["final"]) {
          current.done = true;
          if (message.id) {
            location.href = recorder.getAttribute("data-result-url") + encodeURIComponent(message.id);
            return;
          }
          say(message.emotion, percent(message.confidence));
          liveFinal.textContent = "Overall: " + message.emotion + ", " + percent(message.confidence) +
            " sure, over " + message.durationSeconds.toFixed(1) + " s and " +
            message.segments.length + " stretch" + (message.segments.length === 1 ? "" : "es") +
            " of speech. Sign in to keep live recordings in your history.";
          liveFinal.hidden = false;
          startButton.disabled = false;
          live = null;
        } else {
          showUpdate(message);
        }
      };
      socket.onclose = function () {
        if (!current.done && !current.failed && live === current) {
          failLive("The live connection closed before a result arrived; try again.");
        }
      };
      socket.onopen = function () {
        socket.send(JSON.stringify({
          sampleRate: audio.sampleRate,
          channels: 1,
          store: recorder.getAttribute("data-signed-in") === "true"
        }));
        audio.audioWorklet.addModule(recorder.getAttribute("data-worklet")).then(function () {
          if (live !== current) return;
          var source = audio.createMediaStreamSource(stream);
          var node = new AudioWorkletNode(audio, "pcm-sender");
          node.port.onmessage = function (event) {
            if (socket.readyState === WebSocket.OPEN && !current.ending) socket.send(event.data);
          };
          source.connect(node);
          node.connect(audio.destination);
          current.node = node;
          var analyser = audio.createAnalyser();
          analyser.fftSize = 1024;
          source.connect(analyser);
          meter(analyser, function (frame) { current.frame = frame; }, function () { return live === current && !current.ending; });
          stopButton.disabled = false;
          current.timer = setInterval(function () {
            var seconds = (performance.now() - current.started) / 1000;
            elapsed.textContent = seconds.toFixed(1) + " s";
            if (seconds >= liveMaxSeconds) endLive();
          }, 100);
        }).catch(function () {
          failLive("Live analysis could not start in this browser; record without live mode.");
        });
      };
    }).catch(function () {
      livePanel.hidden = true;
      fail("The microphone is not available (permission denied or no device); upload a file instead.");
    });
  }

  /* The level meter: the microphone's loudness, redrawn every animation frame while it runs. */
  function meter(analyser, remember, running) {
    var buffer = new Float32Array(analyser.fftSize);
    (function draw() {
      analyser.getFloatTimeDomainData(buffer);
      var sum = 0;
      for (var i = 0; i < buffer.length; i++) sum += buffer[i] * buffer[i];
      var rms = Math.sqrt(sum / buffer.length);
      level.style.width = Math.min(100, Math.round(rms * 300)) + "%";
      if (running()) remember(requestAnimationFrame(draw));
      else level.style.width = "0%";
    })();
  }

  liveBox.addEventListener("change", function () {
    stopButton.textContent = liveBox.checked ? "■ Stop" : "■ Stop and analyse";
  });

  startButton.addEventListener("click", function () {
    error.hidden = true;
    if (liveBox.checked) {
      if (!navigator.mediaDevices) {
        fail("This browser cannot record audio; upload a file instead.");
        return;
      }
      startLive();
      return;
    }
    if (!navigator.mediaDevices || !window.MediaRecorder) {
      fail("This browser cannot record audio; upload a file instead.");
      return;
    }
    startButton.disabled = true;
    navigator.mediaDevices.getUserMedia({ audio: true }).then(function (stream) {
      var type = pickType();
      var media = type ? new MediaRecorder(stream, { mimeType: type }) : new MediaRecorder(stream);
      var chunks = [];
      var audio = new AudioContext();
      var analyser = audio.createAnalyser();
      analyser.fftSize = 1024;
      audio.createMediaStreamSource(stream).connect(analyser);
      var started = performance.now();
      state = { stream: stream, media: media, audio: audio };

      media.ondataavailable = function (event) {
        if (event.data.size > 0) chunks.push(event.data);
      };
      media.onstop = function () {
        state = null;
        submit(new Blob(chunks, { type: media.mimeType || type }), media.mimeType || type);
      };
      media.start(250);
      stopButton.disabled = false;

      state.timer = setInterval(function () {
        var seconds = (performance.now() - started) / 1000;
        elapsed.textContent = seconds.toFixed(1) + " s";
        if (seconds >= maxSeconds) stop();
      }, 100);
      meter(analyser, function (frame) { if (state) state.frame = frame; }, function () { return state !== null; });
    }).catch(function () {
      fail("The microphone is not available (permission denied or no device); upload a file instead.");
    });
  });

  stopButton.addEventListener("click", function () {
    if (live) endLive();
    else stop();
  });
})();
