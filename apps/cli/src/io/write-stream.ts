/**
 * Writes `data` to a stream and resolves once it has been handed to the operating system,
 * so that large outputs are not cut off when the process exits.
 * @param stream usually `process.stdout`
 * @param data the text to write
 */
export function writeToStream(stream: NodeJS.WritableStream, data: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(data, (error) => (error ? reject(error) : resolve()));
  });
}
