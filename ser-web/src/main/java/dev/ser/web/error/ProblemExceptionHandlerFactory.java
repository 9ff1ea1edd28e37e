package dev.ser.web.error;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;

/** Installs {@link ProblemExceptionHandler} (registered in faces-config.xml). */
public class ProblemExceptionHandlerFactory extends ExceptionHandlerFactory {
  public ProblemExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new ProblemExceptionHandler(getWrapped().getExceptionHandler());
  }
}
