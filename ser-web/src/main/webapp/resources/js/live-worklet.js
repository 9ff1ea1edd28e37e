/* Live analysis: the microphone's samples as 16-bit PCM, posted every 100 ms to the page, which
   sends them over the WebSocket. Runs on the audio thread (AudioWorkletGlobalScope). */
class PcmSender extends AudioWorkletProcessor {
  constructor() {
    super();
    this.frame = Math.round(sampleRate / 10);
    this.buffer = new Int16Array(this.frame);
    this.size = 0;
  }

  process(inputs) {
    var input = inputs[0];
    if (input && input.length > 0) {
      var channels = input.length;
      for (var i = 0; i < input[0].length; i++) {
        var sum = 0;
        for (var c = 0; c < channels; c++) sum += input[c][i];
        var sample = Math.round((sum / channels) * 32768);
        this.buffer[this.size++] = Math.max(-32768, Math.min(32767, sample));
        if (this.size === this.frame) {
          this.port.postMessage(this.buffer.buffer, [this.buffer.buffer]);
          this.buffer = new Int16Array(this.frame);
          this.size = 0;
        }
      }
    }
    return true;
  }
}

registerProcessor("pcm-sender", PcmSender);
