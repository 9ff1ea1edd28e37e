package dev.ser.audio;

/** Audio that decodes fine but holds no sound: nothing to recognise an emotion in. */
public final class SilentAudioException extends AudioException {
  public SilentAudioException() {
    super(
        "silent_audio",
        "No speech: the recording is silent. Check the microphone, then record again.");
  }
}
